package io.switchboard.mention.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** Several relays (replicas) draining one outbox: every row is published once and marked sent. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void concurrentRelaysPublishEachRowOnce() {
        List<ReplyDelivered> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(ReplyDelivered.of(UUID.randomUUID(), UUID.randomUUID(), Channel.X, "post-" + i, null, 1));
        }
        // Three more relays beside the application's own, as three more replicas would run them.
        List<OutboxRelay> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboxRelay replica = new OutboxRelay();
            replica.pool = pool;
            replica.mentions = relay.mentions;
            replica.deliveries = relay.deliveries;
            replica.batchSize = 7;
            replica.sendTimeout = Duration.ofSeconds(15);
            replicas.add(replica);
        }
        Set<String> keys = events.stream().map(e -> e.replyId().toString()).collect(Collectors.toSet());

        try (TopicWatcher watcher = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS)) {
            pool.withTransaction(tx -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (ReplyDelivered e : events) {
                    chain = chain.flatMap(ignored -> outbox.add(tx, e));
                }
                return chain;
            }).await().atMost(Duration.ofSeconds(10));
            Uni.join().all(replicas.stream().map(OutboxRelay::drain).toList()).andCollectFailures()
                    .await().atMost(Duration.ofSeconds(60));

            List<TopicWatcher.Received> received = watcher.await(events.size(), Duration.ofSeconds(20),
                    r -> keys.contains(r.key()));
            received = watcher.poll(Duration.ofSeconds(2), r -> keys.contains(r.key()));
            assertThat(received).hasSize(events.size());
            assertThat(received.stream().map(TopicWatcher.Received::key).distinct()).hasSize(events.size());
        }
        long unsent = pool.preparedQuery("select count(*) from outbox where sent_at is null and event_id = any($1)")
                .execute(Tuple.of(events.stream().map(ReplyDelivered::eventId).toArray(UUID[]::new)))
                .map(r -> r.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
        assertThat(unsent).isZero();
    }
}
