package io.switchboard.ticket.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;

/** Which failures of a batch mean "redo it whole" rather than "split it and find the bad record". */
class BatchConsumptionTest {

    @Test
    void aStaleVersionOrADeadlockIsARaceToRedo() {
        assertThat(BatchConsumption.lostARace(new OptimisticLockException("stale"))).isTrue();
        assertThat(BatchConsumption.lostARace(new RuntimeException(new StaleObjectStateException("Ticket", "id")))).isTrue();
        assertThat(BatchConsumption.lostARace(new RuntimeException(deadlock()))).isTrue();
        assertThat(BatchConsumption.lostARace(new PgException("could not serialize", "ERROR", "40001", null))).isTrue();
    }

    @Test
    void aBrokenRecordOrAnOutageIsNot() {
        assertThat(BatchConsumption.lostARace(new PermanentFailure("routing decision for unknown ticket"))).isFalse();
        assertThat(BatchConsumption.lostARace(new PgException("violates foreign key constraint", "ERROR", "23503", null)))
                .isFalse();
        assertThat(BatchConsumption.lostARace(new java.net.ConnectException("Connection refused"))).isFalse();
    }

    private static PgException deadlock() {
        return new PgException("deadlock detected", "ERROR", "40P01", null);
    }
}
