package io.switchboard.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The bench's calls to the services' and Keycloak's REST APIs: JSON in and out, a bearer token
 * when given. Answers come back whatever their status; callers decide what a status means.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** An answer: its status, its JSON body (missing when empty or not JSON) and its Location header. */
    public record Response(int status, JsonNode body, String location) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public JsonNode require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status);
            }
            return body;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HttpClient client() {
        return client;
    }

    public Response get(URI uri, String bearer) {
        return await(sendAsync("GET", uri, bearer, null));
    }

    public Response send(String method, URI uri, String bearer, Object body) {
        return await(sendAsync(method, uri, bearer, body));
    }

    public CompletableFuture<Response> sendAsync(String method, URI uri, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(JsonHttp::response);
    }

    public Response postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(JsonHttp::response));
    }

    private static Response response(HttpResponse<String> response) {
        JsonNode body = MissingNode.getInstance();
        if (response.body() != null && !response.body().isBlank()) {
            try {
                body = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                // not JSON (an HTML error page): the status says enough
            }
        }
        return new Response(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response await(CompletableFuture<Response> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
