package io.switchboard.bench.verify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.bench.http.JsonHttp;

/**
 * Asks ticket-service, as an admin (who sees every team's tickets), where the bench's mentions
 * ended up: every webhook ticket opened since the run began, read whole, and the external id of
 * each customer message in it.
 */
public final class TicketLedger {

    static final int PAGE = 100;
    static final int CONCURRENT_READS = 16;

    private final JsonHttp http;
    private final String base;
    private final Supplier<String> adminToken;

    public TicketLedger(JsonHttp http, String base, Supplier<String> adminToken) {
        this.http = http;
        this.base = base;
        this.adminToken = adminToken;
    }

    /**
     * What ticket-service holds for the run.
     *
     * @param ticketsOf mention external id (those starting with the run's prefix) → the ticket of each of its messages,
     *     over the tickets read
     */
    public record Answer(Map<String, List<UUID>> ticketsOf, long listed, long read) {
    }

    /** Lists the run's tickets and reads all of them, or a random {@code sample} of them when it is positive and smaller. */
    public Answer ask(String prefix, Instant since, int sample) throws InterruptedException {
        List<UUID> listed = ticketsSince(since);
        List<UUID> tickets = new ArrayList<>(listed);
        if (sample > 0 && sample < tickets.size()) {
            Collections.shuffle(tickets);
            tickets = tickets.subList(0, sample);
        }
        Map<String, List<UUID>> ticketsOf = new ConcurrentHashMap<>();
        Semaphore reads = new Semaphore(CONCURRENT_READS);
        AtomicLong failures = new AtomicLong();
        for (UUID ticket : tickets) {
            reads.acquire();
            http.sendAsync("GET", URI.create(base + "/api/v1/tickets/" + ticket), adminToken.get(), null)
                    .whenComplete((response, failure) -> {
                        try {
                            if (failure != null || !response.ok()) {
                                failures.incrementAndGet();
                                return;
                            }
                            for (JsonNode message : response.body().path("messages")) {
                                String externalId = message.path("externalId").asText(null);
                                if ("CUSTOMER".equals(message.path("kind").asText()) && externalId != null && externalId.startsWith(prefix)) {
                                    ticketsOf.computeIfAbsent(externalId, e -> new CopyOnWriteArrayList<>()).add(ticket);
                                }
                            }
                        } finally {
                            reads.release();
                        }
                    });
        }
        reads.acquire(CONCURRENT_READS);
        if (failures.get() > 0) {
            throw new IllegalStateException("ticket-service did not answer for " + failures.get() + " of " + tickets.size() + " tickets");
        }
        return new Answer(ticketsOf, listed.size(), tickets.size());
    }

    /** Webhook tickets created at or after {@code since}, newest first (keyset pages). */
    private List<UUID> ticketsSince(Instant since) {
        List<UUID> tickets = new ArrayList<>();
        String cursor = null;
        while (true) {
            String query = "/api/v1/tickets?channel=WEBHOOK&limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = http.get(URI.create(base + query), adminToken.get()).require("search tickets");
            for (JsonNode ticket : page.path("items")) {
                if (Instant.parse(ticket.get("createdAt").asText()).isBefore(since)) {
                    return tickets;
                }
                tickets.add(UUID.fromString(ticket.get("id").asText()));
            }
            cursor = page.path("nextCursor").asText(null);
            if (cursor == null) {
                return tickets;
            }
        }
    }
}
