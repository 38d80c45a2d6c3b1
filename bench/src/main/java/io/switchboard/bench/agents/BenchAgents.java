package io.switchboard.bench.agents;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.switchboard.bench.http.JsonHttp;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;

/**
 * The agents of a bench run, real from end to end: realm users created through Keycloak's admin
 * API, signed in through the gateway's live connection (so their presence is the gateway's and
 * every assignment reaches them as a push), given routing's highest capacity through its admin API,
 * and working their tickets: each ticket pushed to an agent is resolved a handle time later with
 * the agent's own token on ticket-service ({@code PUT /api/v1/tickets/{id}/status}, what the app's
 * "resolve" reaches through the gateway), which frees the capacity routing assigns again.
 */
public final class BenchAgents implements AutoCloseable {

    static final List<String> TEAM_GROUPS = List.of("/teams/customer-care", "/teams/tech-support");
    /** Every skill a seeded queue requires or a demo agent has. */
    static final List<String> SKILLS = List.of("billing", "orders", "complaints", "technical");
    /** Every language mention-service's triage can name, so no ticket waits for want of a speaker. */
    static final List<String> LANGUAGES = List.of("en", "es", "pt", "fr", "de", "it", "nl", "ja", "zh", "ko", "ru", "uk",
            "ar", "he", "el", "th", "hi");
    static final int MAX_RESOLVING = 64;

    /** What the agents did, for the report. */
    public record Summary(int agents, int capacityEach, double handleTimeSec, long waitingAtStart, long pushed,
            long resolved, Map<Integer, Long> resolveRefused, long resolvedAtEnd, int reconnects, Map<String, Integer> loadAtEnd) {
    }

    private final JsonHttp http;
    private final URI gateway;
    private final URI tickets;
    private final Duration handleTime;
    private final List<Agent> agents = new CopyOnWriteArrayList<>();
    private final Map<UUID, Agent> held = new ConcurrentHashMap<>();
    /** Ticket → nanoTime its first assignment push reached an agent's connection. */
    private final Map<UUID, Long> pushedAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService handling = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-agents-handling");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore resolving = new Semaphore(MAX_RESOLVING);
    private final AtomicLong resolved = new AtomicLong();
    /** Resolutions refused, by HTTP status (0: no answer). */
    private final Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>();
    private final RoutingAdmin routing;
    private long waitingAtStart;
    private long resolvedAtEnd;
    private volatile boolean working = true;

    private BenchAgents(RunningPlatform platform, JsonHttp http, Duration handleTime, RoutingAdmin routing) {
        this.http = http;
        this.gateway = URI.create("http://localhost:" + platform.ports().http(Service.GATEWAY));
        this.tickets = URI.create("http://localhost:" + platform.ports().http(Service.TICKET));
        this.handleTime = handleTime;
        this.routing = routing;
    }

    /** Creates (or reuses) {@code count} agents, signs them in through the gateway and raises their capacity. */
    public static BenchAgents signIn(RunningPlatform platform, int count, Duration handleTime) throws Exception {
        JsonHttp http = new JsonHttp();
        Keycloak keycloak = new Keycloak(http, platform);
        TokenCache admin = new TokenCache(keycloak::signInAdmin);
        RoutingAdmin routing = new RoutingAdmin(http, "http://localhost:" + platform.ports().http(Service.ROUTING), admin::get);
        BenchAgents bench = new BenchAgents(platform, http, handleTime, routing);
        bench.waitingAtStart = routing.waiting();
        URI live = URI.create("ws://localhost:" + platform.ports().http(Service.GATEWAY) + "/api/v1/live");
        for (int i = 1; i <= count; i++) {
            String username = String.format("bench-agent-%03d", i);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)); // this run only, never printed
            keycloak.ensureAgent(username, password, TEAM_GROUPS, LANGUAGES);
            TokenCache token = new TokenCache(() -> keycloak.signIn(username, password));
            Agent agent = new Agent(username, token);
            agent.socket = new AgentSocket(http.client(), live, token::get, bench::pushed);
            bench.agents.add(agent); // before it opens: a push may come at once
            agent.socket.open();
        }
        for (Agent agent : bench.agents) {
            routing.awaitOnline(agent.token.get().subject(), 30_000);
            routing.configure(agent.token.get().subject(), SKILLS, LANGUAGES, RoutingAdmin.MAX_CAPACITY);
        }
        return bench;
    }

    /** Access tokens of the realm's admin (ada), renewed before they expire. */
    public static Supplier<String> adminTokens(RunningPlatform platform, JsonHttp http) {
        TokenCache admin = new TokenCache(new Keycloak(http, platform)::signInAdmin);
        return () -> admin.get().accessToken();
    }

    public Map<UUID, Long> pushedAt() {
        return pushedAt;
    }

    public int size() {
        return agents.size();
    }

    public int capacityEach() {
        return RoutingAdmin.MAX_CAPACITY;
    }

    public long waitingAtStart() {
        return waitingAtStart;
    }

    private void pushed(AgentSocket socket, UUID ticketId, long receivedNanos) {
        pushedAt.putIfAbsent(ticketId, receivedNanos);
        Agent agent = agents.stream().filter(a -> a.socket == socket).findFirst().orElse(null);
        if (agent == null || !working || held.putIfAbsent(ticketId, agent) != null) {
            return;
        }
        handling.schedule(() -> resolve(ticketId), handleTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resolves the ticket through the gateway, unless another path already claimed it. */
    private void resolve(UUID ticketId) {
        Agent agent = held.remove(ticketId);
        if (agent == null) {
            return;
        }
        resolving.acquireUninterruptibly();
        resolveAttempt(agent, ticketId, 1);
    }

    private void resolveAttempt(Agent agent, UUID ticketId, int attempt) {
        http.sendAsync("PUT", tickets.resolve("/api/v1/tickets/" + ticketId + "/status"), agent.token.get().accessToken(),
                Map.of("status", "RESOLVED")).whenComplete((response, failure) -> {
                    boolean conflict = failure == null && response.status() == 409;
                    if (conflict && attempt < 3) {
                        // The ticket changed under us (routing's assignment reaching ticket-service): try again.
                        // Not on the handling thread: it may be waiting for the permit this attempt holds.
                        CompletableFuture.runAsync(() -> resolveAttempt(agent, ticketId, attempt + 1),
                                CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));
                        return;
                    }
                    if (failure == null && response.ok()) {
                        resolved.incrementAndGet();
                    } else {
                        refused.computeIfAbsent(failure == null ? response.status() : 0, s -> new AtomicLong()).incrementAndGet();
                    }
                    resolving.release();
                });
    }

    /**
     * Ends the agents' shift: every ticket still held is resolved now, so no agent leaves with
     * unanswered tickets that routing would hand back to the queues, then each agent signs out.
     */
    public Summary finish() throws InterruptedException {
        working = false;
        long before = resolved.get();
        for (UUID ticketId : List.copyOf(held.keySet())) {
            resolve(ticketId);
        }
        resolving.acquire(MAX_RESOLVING); // the last answers
        resolving.release(MAX_RESOLVING);
        resolvedAtEnd = resolved.get() - before;
        Map<String, Integer> loads = new LinkedHashMap<>();
        Thread.sleep(2000); // routing's releases of the last resolutions
        Map<String, RoutingAdmin.AgentLoad> seen = routing.agents();
        for (Agent agent : agents) {
            RoutingAdmin.AgentLoad load = seen.get(agent.token.get().subject());
            loads.put(agent.username, load == null ? -1 : load.load());
        }
        return new Summary(agents.size(), RoutingAdmin.MAX_CAPACITY, handleTime.toMillis() / 1000.0, waitingAtStart,
                pushedAt.size(), resolved.get(), refusedByStatus(), resolvedAtEnd,
                agents.stream().mapToInt(a -> a.socket.reconnects()).sum(), loads);
    }

    private Map<Integer, Long> refusedByStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        refused.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    @Override
    public void close() {
        working = false;
        handling.shutdownNow();
        for (Agent agent : agents) {
            try {
                http.send("POST", gateway.resolve("/api/v1/session/sign-out"), agent.token.get().accessToken(), null);
            } catch (RuntimeException e) {
                // routing times the agent out after its heartbeat timeout anyway
            }
            agent.socket.close();
        }
    }

    private static final class Agent {
        final String username;
        final TokenCache token;
        AgentSocket socket;

        Agent(String username, TokenCache token) {
            this.username = username;
            this.token = token;
        }
    }

    /** A token kept until two minutes before it expires (connections renew theirs one minute before). */
    static final class TokenCache {
        private final Supplier<Keycloak.Token> signIn;
        private Keycloak.Token current;

        TokenCache(Supplier<Keycloak.Token> signIn) {
            this.signIn = signIn;
        }

        synchronized Keycloak.Token get() {
            if (current == null || !current.freshFor(120)) {
                current = signIn.get();
            }
            return current;
        }
    }
}
