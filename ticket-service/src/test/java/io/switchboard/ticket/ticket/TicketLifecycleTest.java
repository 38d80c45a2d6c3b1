package io.switchboard.ticket.ticket;

import static io.switchboard.events.ticket.TicketStatus.CLOSED;
import static io.switchboard.events.ticket.TicketStatus.NEW;
import static io.switchboard.events.ticket.TicketStatus.OPEN;
import static io.switchboard.events.ticket.TicketStatus.PENDING_CUSTOMER;
import static io.switchboard.events.ticket.TicketStatus.REOPENED;
import static io.switchboard.events.ticket.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.switchboard.events.ticket.TicketStatus;

/** Every pair of statuses, allowed or refused, against the table the README documents. */
class TicketLifecycleTest {

    /** The specification, written out independently of the implementation. */
    private static final Set<String> ALLOWED = Set.of(
            "NEW>OPEN", "NEW>PENDING_CUSTOMER", "NEW>RESOLVED", "NEW>CLOSED",
            "OPEN>PENDING_CUSTOMER", "OPEN>RESOLVED", "OPEN>CLOSED",
            "PENDING_CUSTOMER>OPEN", "PENDING_CUSTOMER>RESOLVED", "PENDING_CUSTOMER>CLOSED",
            "RESOLVED>REOPENED", "RESOLVED>CLOSED",
            "REOPENED>OPEN", "REOPENED>PENDING_CUSTOMER", "REOPENED>RESOLVED", "REOPENED>CLOSED");

    static Stream<Arguments> everyPair() {
        return Stream.of(TicketStatus.values())
                .flatMap(from -> Stream.of(TicketStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void aTransitionIsAllowedExactlyWhenTheSpecificationListsIt(TicketStatus from, TicketStatus to) {
        boolean specified = ALLOWED.contains(from + ">" + to);
        assertThat(TicketLifecycle.allows(from, to)).isEqualTo(specified);
        if (specified) {
            assertThatCode(() -> TicketLifecycle.require(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TicketLifecycle.require(from, to))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(from + " to " + to);
        }
    }

    @Test
    void stayingInTheSameStatusIsNotATransition() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(TicketLifecycle.allows(status, status)).as(status.name()).isFalse();
        }
    }

    @Test
    void closedIsFinalAndTheRefusalSaysSo() {
        assertThat(TicketLifecycle.next(CLOSED)).isEmpty();
        assertThatThrownBy(() -> TicketLifecycle.require(CLOSED, OPEN))
                .hasMessageContaining("it is final");
    }

    @Test
    void theRefusalNamesWhereTheTicketCanGo() {
        assertThatThrownBy(() -> TicketLifecycle.require(RESOLVED, OPEN))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("CLOSED, REOPENED");
    }

    @Test
    void activeTicketsAreTheOnesSomeoneWorksOn() {
        assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketLifecycle::isActive))
                .containsExactlyInAnyOrder(NEW, OPEN, PENDING_CUSTOMER, REOPENED);
    }

    @Test
    void aCustomerAnsweringPutsAPendingTicketBackToOpenAndLeavesOthersAlone() {
        assertThat(TicketLifecycle.onCustomerMessage(PENDING_CUSTOMER)).isEqualTo(OPEN);
        assertThat(TicketLifecycle.onCustomerMessage(NEW)).isNull();
        assertThat(TicketLifecycle.onCustomerMessage(OPEN)).isNull();
        assertThat(TicketLifecycle.onCustomerMessage(REOPENED)).isNull();
    }

    @Test
    void anAgentReplyOpensANewOrReopenedTicket() {
        assertThat(TicketLifecycle.onAgentReply(NEW)).isEqualTo(OPEN);
        assertThat(TicketLifecycle.onAgentReply(REOPENED)).isEqualTo(OPEN);
        assertThat(TicketLifecycle.onAgentReply(OPEN)).isNull();
        assertThat(TicketLifecycle.onAgentReply(PENDING_CUSTOMER)).isNull();
    }
}
