package io.switchboard.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.switchboard.platform.testing.KeycloakTokens;

/** The HTTP and token plumbing of {@link FakeDownstream}, answering the way the Quarkus services do. */
final class FakeHttp {

    static final String PROBLEM_TYPE = "urn:switchboard:problem:";

    /** A refusal the fake services throw; {@code body} is the problem JSON, null for none (401, 403). */
    static final class Refusal extends RuntimeException {
        final int status;
        final transient ObjectNode body;

        Refusal(int status, ObjectNode body) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private FakeHttp() {
    }

    static Map<String, Object> claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return KeycloakTokens.claims(authorization.substring(7));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Teams as service-kit's Caller reads them: the last segment of each group. */
    static Set<String> teams(Map<String, Object> claims) {
        Set<String> teams = new TreeSet<>();
        if (claims.get("groups") instanceof Collection<?> groups) {
            groups.forEach(g -> teams.add(String.valueOf(g).substring(String.valueOf(g).lastIndexOf('/') + 1)));
        }
        return teams;
    }

    @SuppressWarnings("unchecked")
    static Set<String> roles(Map<String, Object> claims) {
        Object access = claims.get("realm_access");
        if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return Set.copyOf((Collection<String>) roles);
        }
        return Set.of();
    }

    /** @RolesAllowed: 403 with no body when the caller has none of the roles. */
    static void requireAnyRole(Map<String, Object> claims, String... roles) {
        Set<String> held = roles(claims);
        for (String role : roles) {
            if (held.contains(role)) {
                return;
            }
        }
        throw new Refusal(403, null);
    }

    /** Every value of a query parameter (repeated or not). */
    static List<String> params(String query, String name) {
        List<String> values = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    values.add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    static String param(String query, String name) {
        List<String> values = params(query, name);
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A JSON body, or 400 as the services answer an unreadable one. */
    static JsonNode body(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : FakeDownstream.json().readTree(body);
            if (node == null || !node.isObject()) {
                throw problem(400, "Bad Request", "about:blank", "A JSON body is required.");
            }
            return node;
        } catch (IOException e) {
            throw problem(400, "Bad Request", "about:blank",
                    "The request body is not valid JSON for this endpoint.");
        }
    }

    /** An RFC 9457 refusal with the services' members (type, title, status, detail). */
    static Refusal problem(int status, String title, String type, String detail) {
        ObjectNode problem = FakeDownstream.json().createObjectNode();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return new Refusal(status, problem);
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    static void send(HttpExchange exchange, Refusal refusal) throws IOException {
        if (refusal.status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "5"); // as the services answer while their database is down
        }
        if (refusal.body == null) {
            exchange.sendResponseHeaders(refusal.status, -1);
            return;
        }
        refusal.body.put("instance", exchange.getRequestURI().toString());
        send(exchange, refusal.status, "application/problem+json", refusal.body);
    }

    private static void send(HttpExchange exchange, int status, String type, JsonNode body) throws IOException {
        byte[] bytes = FakeDownstream.json().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
