package io.switchboard.system.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.platform.testing.KeycloakTokens;

/**
 * A demo agent signed in through the gateway the way the app does it: the live connection
 * ({@code /api/v1/live}, which signs the agent in and keeps the heartbeats going while open) with
 * their real bearer token, then the presence switch to ONLINE. The connection comes back with a
 * fresh token if the gateway closes it (tokens live 5 minutes). {@link #close()} signs out.
 */
public final class GatewayAgent implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String gatewayUrl;
    private final KeycloakTokens tokens;
    private final DemoUser user;
    private final CompletableFuture<String> hello = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean closing;

    private GatewayAgent(String gatewayUrl, KeycloakTokens tokens, DemoUser user) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
        this.user = user;
    }

    public static GatewayAgent signIn(String gatewayUrl, KeycloakTokens tokens, DemoUser user) {
        GatewayAgent agent = new GatewayAgent(gatewayUrl, tokens, user);
        agent.connect();
        try {
            agent.hello.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            agent.close();
            throw new IllegalStateException(user.username() + " got no hello on the gateway's live connection: " + e, e);
        }
        agent.api().contentType("application/json").body(Map.of("presence", "ONLINE")).put("/api/v1/presence")
                .then().statusCode(200);
        return agent;
    }

    public DemoUser user() {
        return user;
    }

    public String token() {
        return tokens.token(user.username());
    }

    /** The gateway's API as this agent (bearer token). */
    public RequestSpecification api() {
        return given().baseUri(gatewayUrl).auth().oauth2(token());
    }

    private void connect() {
        URI live = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/api/v1/live");
        socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token()).connectTimeout(Duration.ofSeconds(20))
                .buildAsync(live, new Listener()).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                if (message.indexOf("\"hello\"") >= 0) {
                    hello.complete(message.toString());
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            reconnect();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            reconnect();
        }
    }

    private void reconnect() {
        if (closing) {
            return;
        }
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
            if (!closing) {
                try {
                    connect();
                } catch (RuntimeException e) {
                    reconnect();
                }
            }
        });
    }

    /** Signs out (the agent goes offline) and closes the live connection. */
    @Override
    public void close() {
        closing = true;
        try {
            api().post("/api/v1/session/sign-out");
        } finally {
            WebSocket s = socket;
            if (s != null) {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "signed out").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
            }
        }
    }
}
