package io.switchboard.routing.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.routing.AssignmentReleased;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Two relays on separate connections drain one outbox at once, with sends that are slow, out of
 * order and sometimes fail: every row is published, and the events of one key always in order.
 */
@QuarkusTest
class OutboxBatchesTest {

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void twoRelaysPublishEveryRowAndEachKeyInOrder() {
        String topic = "relay-test-" + UUID.randomUUID();
        Vertx vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(username).setPassword(password);
        Pool a = Pool.pool(vertx, options, new PoolOptions().setMaxSize(2));
        Pool b = Pool.pool(vertx, options, new PoolOptions().setMaxSize(2));
        try {
            Map<String, List<UUID>> written = write(a, topic, 40, 8);
            List<String[]> published = Collections.synchronizedList(new ArrayList<>());
            Random random = new Random();
            AtomicInteger failures = new AtomicInteger();
            OutboxBatches relayA = new OutboxBatches(a, topic, 25, (event, key) -> send(event, key, published, random, failures));
            OutboxBatches relayB = new OutboxBatches(b, topic, 25, (event, key) -> send(event, key, published, random, failures));

            for (int round = 0; round < 200 && publishedOnce(published).size() < 320; round++) {
                // A failed send fails its relay's batch (rolled back, claimed again next round), as a broker error would.
                Uni.join().all(relayA.drain().onFailure(IllegalStateException.class).recoverWithNull(),
                        relayB.drain().onFailure(IllegalStateException.class).recoverWithNull())
                        .andFailFast().await().atMost(Duration.ofSeconds(60));
            }

            assertThat(failures.get()).as("some sends failed and were retried").isPositive();
            assertThat(publishedOnce(published)).hasSize(320);
            Map<String, List<UUID>> byKey = new HashMap<>();
            for (String[] p : published) {
                List<UUID> seq = byKey.computeIfAbsent(p[0], k -> new ArrayList<>());
                UUID id = UUID.fromString(p[1]);
                if (seq.isEmpty() || !seq.get(seq.size() - 1).equals(id)) {
                    seq.add(id);
                }
            }
            // A failed batch may be sent again, but a later event of a key never goes before an earlier one.
            written.forEach((key, events) -> assertThat(byKey.get(key)).as("key %s", key).containsExactlyElementsOf(events));
        } finally {
            a.closeAndAwait();
            b.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static Uni<Void> send(SwitchboardEvent event, String key, List<String[]> published, Random random,
            AtomicInteger failures) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(1 + random.nextInt(4)))
                .invoke(() -> {
                    if (random.nextInt(40) == 0) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("broker said no");
                    }
                    published.add(new String[] { key, event.eventId().toString() });
                });
    }

    private static Set<String> publishedOnce(List<String[]> published) {
        Set<String> ids = new HashSet<>();
        synchronized (published) {
            published.forEach(p -> ids.add(p[1]));
        }
        return ids;
    }

    /** keys × perKey rows, each key's events in the order they were written. */
    private static Map<String, List<UUID>> write(Pool pool, String topic, int keys, int perKey) {
        Map<String, List<UUID>> written = new HashMap<>();
        List<SwitchboardEvent> events = new ArrayList<>();
        Random random = new Random();
        List<UUID> tickets = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            tickets.add(UUID.randomUUID());
        }
        for (int i = 0; i < keys * perKey; i++) {
            UUID ticket = tickets.get(random.nextInt(keys));
            if (written.getOrDefault(ticket.toString(), List.of()).size() >= perKey) {
                ticket = tickets.stream().filter(t -> written.getOrDefault(t.toString(), List.of()).size() < perKey)
                        .findFirst().orElseThrow();
            }
            AssignmentReleased event = AssignmentReleased.of(ticket, "agent", AssignmentReleased.Reason.UNASSIGNED);
            events.add(event);
            written.computeIfAbsent(ticket.toString(), t -> new ArrayList<>()).add(event.eventId());
        }
        pool.withTransaction((SqlConnection c) -> Outbox.append(c, events, topic)).await().atMost(Duration.ofSeconds(30));
        return written;
    }
}
