package io.switchboard.gateway.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * routing-service's REST API as {@link FakeDownstream} answers it: queue status and agents for
 * supervisors (their teams and the escalation team; admins all), an agent's own load, and transfers
 * with routing's refusals. Queues and agents start as routing's seeds (see {@link #demo()}).
 */
final class FakeRoutingService {

    /** routing.escalation.team: every supervisor belongs to it. */
    static final String ESCALATION_TEAM = "supervisors";
    private static final Pattern TRANSFER = Pattern.compile("/api/v1/tickets/([^/]+)/transfer");

    private final FakeDownstream fake;
    private ArrayNode queues;
    private ArrayNode agents;

    FakeRoutingService(FakeDownstream fake) {
        this.fake = fake;
    }

    /** A queue in routing's QueueStatus shape. */
    static ObjectNode queue(String id, String name, String team, int depth, Long oldestWaitSeconds) {
        ObjectNode q = FakeDownstream.json().createObjectNode();
        q.put("id", id).put("name", name).put("team", team);
        q.putArray("requiredSkills");
        q.put("depth", depth);
        q.put("oldestWaitSeconds", oldestWaitSeconds);
        q.putObject("waitingByPriority");
        q.put("agentsOnline", 0);
        q.putArray("agents");
        return q;
    }

    /** An agent in routing's AgentView shape. */
    static ObjectNode agent(String id, String username, String displayName, boolean supervisor, String presence, int load,
            int capacity, String... teams) {
        ObjectNode a = FakeDownstream.json().createObjectNode();
        a.put("id", id).put("username", username).put("displayName", displayName);
        ArrayNode teamList = a.putArray("teams");
        for (String team : teams) {
            teamList.add(team);
        }
        a.putArray("skills");
        a.putArray("languages").add("en");
        a.put("supervisor", supervisor).put("capacity", capacity).put("load", load).put("presence", presence);
        a.putNull("lastHeartbeatAt");
        a.putNull("lastAssignedAt");
        return a;
    }

    /** routing-service's seeds (its application.properties): the demo agents, online, and three queues. */
    synchronized void demo() {
        queues = FakeDownstream.json().createArrayNode();
        queues.add(queue("customer-care", "Customer care", "customer-care", 0, null));
        queues.add(queue("tech-support", "Tech support", "tech-support", 0, null));
        queues.add(queue("escalations", "Escalations", ESCALATION_TEAM, 0, null));
        agents = FakeDownstream.json().createArrayNode();
        agents.add(agent(DemoAgents.subject("ava"), "ava", "Ava Lindqvist", false, "ONLINE", 0, 4, "customer-care"));
        agents.add(agent(DemoAgents.subject("mateo"), "mateo", "Mateo García", false, "ONLINE", 0, 4, "tech-support"));
        agents.add(agent(DemoAgents.subject("sam"), "sam", "Sam Okafor", true, "ONLINE", 0, 2, "customer-care",
                "tech-support"));
    }

    synchronized void setQueues(ArrayNode queues) {
        this.queues = queues;
    }

    synchronized void setAgents(ArrayNode agents) {
        this.agents = agents;
    }

    synchronized JsonNode answer(FakeDownstream.Call call, String path, Map<String, Object> claims) {
        if (queues == null || agents == null) {
            demo();
        }
        Set<String> visible = visibleTeams(claims);
        switch (path) {
            case "/api/v1/queues" -> {
                method(call, "GET");
                FakeHttp.requireAnyRole(claims, "supervisor", "admin");
                ArrayNode mine = FakeDownstream.json().createArrayNode();
                queues.forEach(q -> {
                    if (visible == null || visible.contains(q.path("team").asText())) {
                        mine.add(q);
                    }
                });
                return mine;
            }
            case "/api/v1/agents" -> {
                method(call, "GET");
                FakeHttp.requireAnyRole(claims, "supervisor", "admin");
                ArrayNode mine = FakeDownstream.json().createArrayNode();
                agents.forEach(a -> {
                    if (visible == null || teamsOf(a).stream().anyMatch(visible::contains)) {
                        mine.add(a);
                    }
                });
                return mine;
            }
            case "/api/v1/agents/me" -> {
                method(call, "GET");
                FakeHttp.requireAnyRole(claims, "agent", "supervisor");
                return myLoad(String.valueOf(claims.get("sub")));
            }
            default -> {
                Matcher transfer = TRANSFER.matcher(path);
                if (!transfer.matches()) {
                    throw notFound("HTTP 404 Not Found");
                }
                method(call, "POST");
                FakeHttp.requireAnyRole(claims, "supervisor", "admin");
                JsonNode place = transfer(uuid(transfer.group(1)), FakeHttp.body(call.body()), visible);
                fake.transferred(call);
                return place;
            }
        }
    }

    private JsonNode myLoad(String subject) {
        JsonNode agent = agentById(subject);
        if (agent == null) {
            throw notFound("routing has not seen you yet: it learns about agents when they sign in to the agent app");
        }
        ObjectNode load = FakeDownstream.json().createObjectNode();
        load.put("agentId", subject).set("presence", agent.get("presence"));
        int capacity = agent.path("capacity").asInt();
        int held = agent.path("load").asInt();
        load.put("capacity", capacity).put("load", held).put("free", Math.max(0, capacity - held));
        load.putArray("tickets");
        return load;
    }

    private JsonNode transfer(UUID ticketId, JsonNode body, Set<String> visible) {
        String agentId = body.hasNonNull("agentId") ? body.get("agentId").asText() : null;
        String queueId = body.hasNonNull("queueId") ? body.get("queueId").asText() : null;
        if ((agentId == null) == (queueId == null)) {
            throw FakeHttp.problem(400, "Bad Request", "about:blank", "give either agentId or queueId");
        }
        JsonNode ticket = fake.tickets().detail(ticketId);
        JsonNode queue = ticket == null ? null : queueById(ticket.path("queueId").asText());
        String team = queue != null ? queue.path("team").asText() : ticket == null ? null : ticket.path("team").asText();
        if (ticket == null || (visible != null && !visible.contains(team))) {
            throw notFound("no such ticket in your teams' queues");
        }
        if (ticket.path("status").asText().equals("CLOSED")) {
            throw conflict("the ticket is closed");
        }
        ObjectNode place = FakeDownstream.json().createObjectNode().put("ticketId", ticketId.toString());
        if (agentId != null) {
            JsonNode agent = agentById(agentId);
            if (agent == null) {
                throw notFound("no agent " + agentId);
            }
            if (agentId.equals(ticket.path("assigneeId").asText(null))) {
                throw conflict("the ticket is already assigned to this agent");
            }
            if (agent.path("presence").asText().equals("OFFLINE")) {
                throw conflict("the agent is offline");
            }
            if (agent.path("load").asInt() >= agent.path("capacity").asInt()) {
                throw conflict("the agent is at capacity (" + agent.path("capacity").asInt() + ")");
            }
            String fromQueue = ticket.path("queueId").asText(null);
            fake.tickets().routed(ticketId, agentId, fromQueue, ticket.path("team").asText(null));
            return place.put("status", "ASSIGNED").put("queueId", fromQueue).put("agentId", agentId);
        }
        JsonNode target = queueById(queueId);
        if (target == null) {
            throw notFound("no queue " + queueId);
        }
        if (ticket.path("assigneeId").isNull() && queueId.equals(ticket.path("queueId").asText(null))) {
            throw conflict("the ticket already waits in this queue");
        }
        fake.tickets().routed(ticketId, null, queueId, target.path("team").asText());
        return place.put("status", "WAITING").put("queueId", queueId).putNull("agentId");
    }

    /** The caller's teams as routing sees them: supervisors also serve the escalation team; null for admins (all). */
    private static Set<String> visibleTeams(Map<String, Object> claims) {
        Set<String> roles = FakeHttp.roles(claims);
        if (roles.contains("admin")) {
            return null;
        }
        Set<String> teams = new TreeSet<>(FakeHttp.teams(claims));
        if (roles.contains("supervisor")) {
            teams.add(ESCALATION_TEAM);
        }
        return teams;
    }

    private static Set<String> teamsOf(JsonNode agent) {
        Set<String> teams = new TreeSet<>();
        agent.path("teams").forEach(t -> teams.add(t.asText()));
        if (agent.path("supervisor").asBoolean()) {
            teams.add(ESCALATION_TEAM);
        }
        return teams;
    }

    private JsonNode agentById(String id) {
        for (JsonNode a : agents) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        return null;
    }

    private JsonNode queueById(String id) {
        for (JsonNode q : queues) {
            if (q.path("id").asText().equals(id)) {
                return q;
            }
        }
        return null;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound("HTTP 404 Not Found");
        }
    }

    private static void method(FakeDownstream.Call call, String allowed) {
        if (!call.method().equals(allowed)) {
            throw FakeHttp.problem(405, "Method Not Allowed", "about:blank", "HTTP 405 Method Not Allowed");
        }
    }

    private static FakeHttp.Refusal notFound(String detail) {
        return FakeHttp.problem(404, "Not Found", "about:blank", detail);
    }

    private static FakeHttp.Refusal conflict(String detail) {
        return FakeHttp.problem(409, "Conflict", "about:blank", detail);
    }
}
