package io.switchboard.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.switchboard.platform.testing.KeycloakTokens;

/** The HTTP and token plumbing of {@link FakeDownstream}. */
final class FakeHttp {

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

    @SuppressWarnings("unchecked")
    static Set<String> teams(Map<String, Object> claims) {
        Object groups = claims.get("groups");
        return groups instanceof Collection<?> c ? Set.copyOf((Collection<String>) c) : Set.of();
    }

    @SuppressWarnings("unchecked")
    static Set<String> roles(Map<String, Object> claims) {
        Object access = claims.get("realm_access");
        if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return Set.copyOf((Collection<String>) roles);
        }
        return Set.of();
    }

    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = FakeDownstream.json().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        ObjectNode problem = FakeDownstream.json().createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", "HTTP " + status);
        problem.put("status", status);
        problem.put("detail", detail);
        byte[] bytes = FakeDownstream.json().writeValueAsBytes(problem);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
