package io.switchboard.gateway.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A live connection to the gateway as the app opens it, with a bearer token instead of the cookie. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received;
    private final WebSocket socket;

    private LiveClient(List<JsonNode> received, WebSocket socket) {
        this.received = received;
        this.socket = socket;
    }

    public static LiveClient connect(URI gateway, String bearerToken) {
        return connect(gateway, bearerToken, null);
    }

    public static LiveClient connect(URI gateway, String bearerToken, String origin) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        URI uri = URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve("/api/v1/live");
        try {
            return new LiveClient(received, builder.buildAsync(uri, new Collector(received)).get(15, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new LiveRefused(e);
        }
    }

    /** Everything received so far, in order. */
    public List<JsonNode> messages() {
        return List.copyOf(received);
    }

    /** Waits for a message matching the predicate. */
    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode message : messages()) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no matching push within " + timeout + "; received types: "
                + messages().stream().map(m -> m.path("type").asText()).toList());
    }

    public boolean received(Predicate<JsonNode> wanted) {
        return messages().stream().anyMatch(wanted);
    }

    public static Predicate<JsonNode> ofType(String type, Object ticketId) {
        return m -> m.path("type").asText().equals(type) && m.path("ticketId").asText().equals(String.valueOf(ticketId));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The upgrade was refused (or the server could not be reached). */
    public static final class LiveRefused extends RuntimeException {
        LiveRefused(Throwable cause) {
            super(cause);
        }
    }

    private static final class Collector implements WebSocket.Listener {
        private final List<JsonNode> sink;
        private final StringBuilder partial = new StringBuilder();

        Collector(List<JsonNode> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    sink.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
