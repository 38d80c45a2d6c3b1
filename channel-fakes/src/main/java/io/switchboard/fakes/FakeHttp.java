package io.switchboard.fakes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The plumbing of the fake platforms: a JDK HTTP server on a random local port, a log of every
 * request, and scripted failures ("the next call to this path answers 429") that a test queues.
 */
public abstract class FakeHttp {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the fake received it. */
    public record Request(String method, String path, Map<String, String> query, String authorization, String body) {
    }

    /** A canned answer for the next matching call. */
    public record Scripted(String method, String pathPrefix, int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Scripted> scripted = new ConcurrentLinkedDeque<>();

    protected FakeHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::dispatch);
    }

    public FakeHttp start() {
        server.start();
        return this;
    }

    public void stop() {
        server.stop(0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** The next {@code method} call to a path starting with {@code pathPrefix} gets this answer instead. */
    public void failNext(String method, String pathPrefix, int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(method, pathPrefix, status, headers, body));
    }

    public void reset() {
        requests.clear();
        scripted.clear();
    }

    /** Answers a request the fake knows; unknown ones get 404. */
    protected abstract void handle(HttpExchange exchange, Request request) throws IOException;

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization"),
                    body);
            requests.add(request);
            for (Scripted s : scripted) {
                if (s.method().equals(request.method()) && request.path().startsWith(s.pathPrefix()) && scripted.remove(s)) {
                    s.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, s.status(), s.body());
                    return;
                }
            }
            handle(exchange, request);
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"title\":\"fake failed: " + e.getClass().getSimpleName() + "\"}");
        } finally {
            exchange.close();
        }
    }

    protected static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    protected static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON.writeValueAsString(body));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
