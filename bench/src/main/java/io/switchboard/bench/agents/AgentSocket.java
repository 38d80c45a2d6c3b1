package io.switchboard.bench.agents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.bench.http.JsonHttp;

/**
 * One agent's live connection to the gateway ({@code /api/v1/live}, bearer token, as a script
 * connects): opening it signs the agent in (the gateway publishes their presence), and every
 * {@code assignment} push for this agent is handed on with the moment it arrived.
 *
 * <p>The gateway closes a connection when its token expires, and pushes are not replayed. So a
 * minute before the token expires a second connection is opened with a fresh token and only then
 * is the first closed: no push falls into a gap. A connection lost otherwise is opened again (and
 * counted as a reconnect).
 */
final class AgentSocket {

    /** An assignment pushed to this agent. */
    interface Assignments {
        void pushed(AgentSocket socket, UUID ticketId, long receivedNanos);
    }

    private static final long RENEW_BEFORE_EXPIRY_SECONDS = 60;

    private final HttpClient client;
    private final URI live;
    private final Supplier<Keycloak.Token> token;
    private final Assignments assignments;
    private final AtomicInteger reconnects = new AtomicInteger();
    private volatile Connection current;
    private volatile boolean wanted = true;

    AgentSocket(HttpClient client, URI live, Supplier<Keycloak.Token> token, Assignments assignments) {
        this.client = client;
        this.live = live;
        this.token = token;
        this.assignments = assignments;
    }

    /** Opens the connection and waits for the gateway's hello; returns the presence it reports. */
    String open() throws Exception {
        Keycloak.Token fresh = token.get();
        Connection connection = new Connection();
        connection.socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + fresh.accessToken())
                .buildAsync(live, connection).get(30, TimeUnit.SECONDS);
        String presence = connection.hello.get(30, TimeUnit.SECONDS);
        Connection before = current;
        current = connection;
        if (before != null) {
            before.close();
        }
        long renewIn = Math.max(5, Duration.between(Instant.now(), fresh.expiresAt()).toSeconds() - RENEW_BEFORE_EXPIRY_SECONDS);
        CompletableFuture.runAsync(() -> renew(connection), CompletableFuture.delayedExecutor(renewIn, TimeUnit.SECONDS));
        return presence;
    }

    int reconnects() {
        return reconnects.get();
    }

    private void renew(Connection connection) {
        if (!wanted || current != connection) {
            return;
        }
        try {
            open();
        } catch (Exception e) {
            // the old connection stays until the gateway closes it; its close opens a new one
        }
    }

    private void lost(Connection connection) {
        if (!wanted || current != connection) {
            return; // a connection replaced on purpose
        }
        reconnects.incrementAndGet();
        CompletableFuture.runAsync(() -> {
            try {
                open();
            } catch (Exception e) {
                lost(connection);
            }
        }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    void close() {
        wanted = false;
        Connection open = current;
        if (open != null) {
            open.close();
        }
    }

    /** One WebSocket connection and the text frames it is assembling. */
    private final class Connection implements WebSocket.Listener {

        final CompletableFuture<String> hello = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long received = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text, received);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text, long received) {
            try {
                JsonNode push = JsonHttp.JSON.readTree(text);
                String type = push.path("type").asText();
                if ("hello".equals(type)) {
                    hello.complete(push.path("data").path("presence").asText());
                } else if ("assignment".equals(type) && push.hasNonNull("ticketId")) {
                    assignments.pushed(AgentSocket.this, UUID.fromString(push.get("ticketId").asText()), received);
                }
            } catch (Exception e) {
                // A push the bench does not read (another type's shape) is not its business.
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(this);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(this);
        }

        void close() {
            WebSocket open = socket;
            if (open != null && !open.isOutputClosed()) {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "replaced or done").orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
            }
        }
    }
}
