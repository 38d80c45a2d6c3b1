package io.switchboard.bench.agents;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.bench.http.JsonHttp;

/** What the bench asks of routing-service's admin API, as the realm's admin (ada). */
final class RoutingAdmin {

    /** routing-service refuses a capacity above this ({@code PATCH /api/v1/agents/{id}}). */
    static final int MAX_CAPACITY = 100;

    /** An agent as routing sees it. */
    record AgentLoad(String id, String presence, int capacity, int load) {
    }

    private final JsonHttp http;
    private final String base;
    private final Supplier<Keycloak.Token> admin;

    RoutingAdmin(JsonHttp http, String base, Supplier<Keycloak.Token> admin) {
        this.http = http;
        this.base = base;
        this.admin = admin;
    }

    /** Waits until routing has learnt of the agent from their presence (it creates agents on first sight). */
    AgentLoad awaitOnline(String agentId, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            JsonHttp.Response response = http.get(URI.create(base + "/api/v1/agents/" + agentId), admin.get().accessToken());
            if (response.ok() && "ONLINE".equals(response.body().path("presence").asText())) {
                return load(response.body());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("routing-service did not see agent " + agentId + " online (HTTP "
                        + response.status() + "); is agent-gateway publishing presence?");
            }
            Thread.sleep(250);
        }
    }

    AgentLoad configure(String agentId, List<String> skills, List<String> languages, int capacity) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("skills", skills);
        profile.put("languages", languages);
        profile.put("capacity", capacity);
        return load(http.send("PATCH", URI.create(base + "/api/v1/agents/" + agentId), admin.get().accessToken(), profile)
                .require("set the profile of agent " + agentId));
    }

    Map<String, AgentLoad> agents() {
        Map<String, AgentLoad> agents = new LinkedHashMap<>();
        http.get(URI.create(base + "/api/v1/agents"), admin.get().accessToken()).require("list agents")
                .forEach(agent -> agents.put(agent.get("id").asText(), load(agent)));
        return agents;
    }

    /** Tickets waiting in routing's queues, all queues together. */
    long waiting() {
        long depth = 0;
        for (JsonNode queue : http.get(URI.create(base + "/api/v1/queues"), admin.get().accessToken()).require("list queues")) {
            depth += queue.path("depth").asLong();
        }
        return depth;
    }

    private static AgentLoad load(JsonNode agent) {
        return new AgentLoad(agent.get("id").asText(), agent.path("presence").asText(), agent.path("capacity").asInt(),
                agent.path("load").asInt());
    }
}
