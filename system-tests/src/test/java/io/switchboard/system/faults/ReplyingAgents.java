package io.switchboard.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.GatewayAgent;

/**
 * Demo agents at work through the gateway while the load flows: signed in the way the app does it
 * (live connection, heartbeats, presence ONLINE), they take their inbox, answer the X tickets
 * publicly and resolve every ticket, so routing keeps handing out the next ones. Each reply carries
 * a marker of its own; the record says which reply requests the gateway accepted (201), which it
 * refused, and which ended without an answer (a service was down: the request may or may not exist).
 */
final class ReplyingAgents implements AutoCloseable {

    /** One reply an agent asked for, and the gateway's answer (0: no answer). */
    record ReplyRequest(String ticketId, String marker, int status) {

        boolean accepted() {
            return status == 201 || status == 200;
        }

        boolean unanswered() {
            return status == 0 || status >= 500;
        }
    }

    private static final Set<String> WORKABLE = Set.of("NEW", "OPEN", "REOPENED", "PENDING_CUSTOMER");
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 20_000));

    private final SystemStack stack;
    private final String run;
    private final List<DemoUser> users;
    private final List<GatewayAgent> signedIn = new ArrayList<>();
    private final List<Thread> loops = new ArrayList<>();
    private final List<ReplyRequest> replies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger markers = new AtomicInteger();
    private final AtomicLong resolved = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private volatile boolean working;

    ReplyingAgents(SystemStack stack, String run, List<DemoUser> users) {
        this.stack = stack;
        this.run = run;
        this.users = users;
    }

    void start() {
        KeycloakTokens tokens = KeycloakTokens.forPlatform(stack.platform());
        working = true;
        for (DemoUser user : users) {
            GatewayAgent agent = GatewayAgent.signIn(stack.baseUrl(Service.GATEWAY), tokens, user);
            signedIn.add(agent);
            Thread loop = new Thread(() -> work(agent), "agent-" + user.username());
            loop.setDaemon(true);
            loop.start();
            loops.add(loop);
        }
    }

    /** Stops taking new tickets; what an agent is doing is finished first. */
    void stop() throws InterruptedException {
        working = false;
        for (Thread loop : loops) {
            loop.join(Duration.ofSeconds(60).toMillis());
        }
    }

    List<ReplyRequest> replies() {
        synchronized (replies) {
            return List.copyOf(replies);
        }
    }

    long resolved() {
        return resolved.get();
    }

    long failedCalls() {
        return failedCalls.get();
    }

    private void work(GatewayAgent agent) {
        while (working) {
            try {
                Response inbox = call(agent).get("/api/v1/inbox");
                if (inbox.statusCode() == 200) {
                    for (Map<String, Object> card : inbox.jsonPath().<Map<String, Object>>getList("tickets")) {
                        if (!working) {
                            break;
                        }
                        if (WORKABLE.contains(String.valueOf(card.get("status")))) {
                            handle(agent, card);
                        }
                    }
                } else {
                    failedCalls.incrementAndGet();
                }
            } catch (Exception e) { // RestAssured rethrows ConnectException unchecked-style: catch all
                failedCalls.incrementAndGet(); // the gateway (or what it calls) is restarting: try again
            }
            pause();
        }
    }

    private void handle(GatewayAgent agent, Map<String, Object> card) {
        String ticketId = String.valueOf(card.get("id"));
        long version = ((Number) card.get("version")).longValue();
        if ("X".equals(card.get("channel"))) {
            String marker = "f" + run + "-r" + markers.incrementAndGet();
            int status;
            JsonPath answer = null;
            try {
                Response reply = call(agent).contentType("application/json")
                        .body(Map.of("text", "Sorry for the trouble, we are on it now. (" + marker + ")", "visibility", "PUBLIC"))
                        .post("/api/v1/tickets/{id}/replies", ticketId);
                status = reply.statusCode();
                answer = reply.statusCode() / 100 == 2 ? reply.jsonPath() : null;
            } catch (Exception e) {
                status = 0;
            }
            replies.add(new ReplyRequest(ticketId, marker, status));
            if (answer == null) {
                failedCalls.incrementAndGet();
                return;
            }
            version = answer.getLong("ticket.version");
        }
        try {
            Response status = call(agent).contentType("application/json").body(Map.of("status", "RESOLVED", "version", version))
                    .post("/api/v1/tickets/{id}/status", ticketId);
            if (status.statusCode() == 200) {
                resolved.incrementAndGet();
            } else {
                failedCalls.incrementAndGet();
            }
        } catch (Exception e) {
            failedCalls.incrementAndGet();
        }
    }

    private static RequestSpecification call(GatewayAgent agent) {
        return agent.api().config(TIMEOUTS);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Signs the agents out (routing takes back what they had not answered). */
    @Override
    public void close() {
        working = false;
        for (GatewayAgent agent : signedIn) {
            try {
                agent.close();
            } catch (Exception e) {
                // the gateway may be the part that just failed; routing times the agent out anyway
            }
        }
    }
}
