package io.switchboard.routing.assignment;

import static io.switchboard.routing.assignment.Fixtures.T0;
import static io.switchboard.routing.assignment.Fixtures.minutes;
import static io.switchboard.routing.assignment.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.events.ticket.Priority;

class QueueOrderTest {

    private final QueueOrder order = new QueueOrder(Duration.ofMinutes(5), Priority.URGENT);

    @Test
    void highestPriorityFirstThenOldest() {
        WaitingTicket oldNormal = ticket("q", Priority.NORMAL, T0);
        WaitingTicket newNormal = ticket("q", Priority.NORMAL, T0.plusSeconds(30));
        WaitingTicket newHigh = ticket("q", Priority.HIGH, T0.plusSeconds(60));
        List<WaitingTicket> sorted = new ArrayList<>(List.of(newNormal, oldNormal, newHigh));
        sorted.sort(order.at(T0.plusSeconds(90)));
        assertThat(sorted).containsExactly(newHigh, oldNormal, newNormal);
    }

    @Test
    void priorityRisesOneLevelPerAgingStep() {
        assertThat(order.effectiveRank(Priority.LOW, T0, T0)).isEqualTo(0);
        assertThat(order.effectiveRank(Priority.LOW, T0, minutes(5).minusMillis(1))).isEqualTo(0);
        assertThat(order.effectiveRank(Priority.LOW, T0, minutes(5))).isEqualTo(1);
        assertThat(order.effectiveRank(Priority.LOW, T0, minutes(14))).isEqualTo(2);
        assertThat(order.effectiveRank(Priority.LOW, T0, minutes(15))).isEqualTo(3);
    }

    @Test
    void agingStopsAtTheCeilingAndNeverLowers() {
        assertThat(order.effectiveRank(Priority.LOW, T0, minutes(600))).isEqualTo(Priority.URGENT.ordinal());
        QueueOrder upToHigh = new QueueOrder(Duration.ofMinutes(5), Priority.HIGH);
        assertThat(upToHigh.effectiveRank(Priority.LOW, T0, minutes(600))).isEqualTo(Priority.HIGH.ordinal());
        assertThat(upToHigh.effectiveRank(Priority.URGENT, T0, minutes(600))).isEqualTo(Priority.URGENT.ordinal());
        assertThat(order.effectiveRank(Priority.HIGH, T0, T0.minusSeconds(3600))).isEqualTo(Priority.HIGH.ordinal());
    }

    @Test
    void nothingStarves_aLowTicketOvertakesEveryUrgentOneThatArrivesAfterItHasAged() {
        WaitingTicket low = ticket("q", Priority.LOW, T0);
        Instant now = minutes(16);
        WaitingTicket urgentJustNow = ticket("q", Priority.URGENT, now.minusSeconds(1));
        WaitingTicket urgentTenMinutes = ticket("q", Priority.URGENT, minutes(6));
        List<WaitingTicket> sorted = new ArrayList<>(List.of(urgentJustNow, urgentTenMinutes, low));
        sorted.sort(order.at(now));
        assertThat(sorted.get(0)).isEqualTo(low);
    }

    @Test
    void theStepMustBePositive() {
        assertThatThrownBy(() -> new QueueOrder(Duration.ZERO, Priority.URGENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
