package io.switchboard.routing.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.switchboard.events.CloudEventHeaders;
import io.switchboard.routing.scale.DecisionLog.Decision;
import io.switchboard.routing.scale.DecisionLog.Entry;
import io.switchboard.routing.testing.KafkaTestClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The log the replay reads is what went out on routing-decisions: once the relay has published the
 * world's decisions, every one of them is on the topic, and each ticket's in the order they were made
 * (a redelivery, at least once, may repeat one; its first copy counts).
 */
final class PublishedDecisions {

    private PublishedDecisions() {
    }

    static List<String> compare(Pool pool, KafkaTestClient.Reader topic, ScaleWorld world, List<Entry> log, Duration timeout) {
        Set<String> keys = world.tickets.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<String, List<UUID>> made = new HashMap<>();
        log.stream().filter(e -> e instanceof Decision d && keys.contains(d.key())).map(e -> (Decision) e)
                .forEach(d -> made.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d.eventId()));
        Set<UUID> logged = made.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        int expected = logged.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitRelayed(pool, keys, deadline);

        Map<String, Set<UUID>> published = new HashMap<>();
        int distinct = 0;
        int atLeast = expected;
        while (true) {
            List<ConsumerRecord<String, byte[]>> records = topic.await(r -> keys.contains(r.key()), atLeast,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            published.clear();
            for (ConsumerRecord<String, byte[]> record : records) {
                UUID id = UUID.fromString(KafkaTestClient.header(record, CloudEventHeaders.ID));
                // The service's own engine keeps sweeping: what it decided after the log was read is not compared.
                if (logged.contains(id)) {
                    published.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(id);
                }
            }
            distinct = published.values().stream().mapToInt(Set::size).sum();
            if (distinct >= expected || System.nanoTime() >= deadline) {
                break;
            }
            atLeast = records.size() + 1; // copies of one decision arrived: wait for the rest
        }
        List<String> violations = new ArrayList<>();
        if (distinct != expected) {
            violations.add("routing-decisions carries " + distinct + " of the world's " + expected + " decisions");
        }
        made.forEach((key, ids) -> {
            List<UUID> seen = new ArrayList<>(published.getOrDefault(key, Set.of()));
            if (!seen.equals(ids) && violations.size() < 20) {
                violations.add("routing-decisions has ticket " + key + "'s decisions as " + seen + ", made as " + ids);
            }
        });
        return violations;
    }

    private static void awaitRelayed(Pool pool, Set<String> keys, long deadline) {
        String[] keyArray = keys.toArray(String[]::new);
        while (System.nanoTime() < deadline) {
            long unpublished = pool.preparedQuery("select count(*) as n from outbox where message_key = any($1)"
                    + " and published_at is null").execute(Tuple.of((Object) keyArray))
                    .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong("n");
            if (unpublished == 0) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
