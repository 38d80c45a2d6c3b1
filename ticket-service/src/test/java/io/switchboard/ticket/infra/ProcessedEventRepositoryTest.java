package io.switchboard.ticket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.switchboard.kit.idempotency.ProcessedEventRepository;
import jakarta.inject.Inject;

/** Writes and reads through Hibernate Reactive on the real PostgreSQL. */
@QuarkusTest
class ProcessedEventRepositoryTest {

    @Inject
    ProcessedEventRepository repository;

    @Test
    @RunOnVertxContext
    void anEventIsProcessedOnceAndARedeliveryIsRecognised(UniAsserter asserter) {
        UUID eventId = UUID.randomUUID();
        asserter.assertThat(() -> Panache.withTransaction(() -> repository.markProcessed(eventId, "switchboard.test.v1")),
                first -> assertThat(first).isTrue());
        asserter.assertThat(() -> Panache.withTransaction(() -> repository.markProcessed(eventId, "switchboard.test.v1")),
                again -> assertThat(again).isFalse());
        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(eventId)),
                stored -> {
                    assertThat(stored).isNotNull();
                    assertThat(stored.eventType).isEqualTo("switchboard.test.v1");
                    assertThat(stored.processedAt).isNotNull();
                });
    }
}
