package io.switchboard.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Who holds a ticket: routing's decisions win over ticket-service, which learns them later. */
class TicketDirectoryTest {

    private final TicketDirectory directory = new TicketDirectory();
    private final UUID ticket = UUID.randomUUID();

    @Test
    void aTicketRoutingJustGaveIsHeldBeforeTicketServiceKnows() {
        directory.assign(ticket, "ava", "customer-care");
        assertThat(directory.heldBy("ava")).containsExactly(ticket);
        assertThat(directory.heldBy("mateo")).isEmpty();
    }

    @Test
    void ticketServicesOlderViewNeverUndoesRoutingsDecision() {
        directory.assign(ticket, "ava", "customer-care");
        directory.release(ticket, "ava");
        directory.learn(ticket, "ava", "customer-care"); // ticket-service has not seen the release yet
        assertThat(directory.heldBy("ava")).isEmpty();
        assertThat(directory.holder(ticket)).hasValueSatisfying(h -> assertThat(h.agentId()).isNull());
    }

    @Test
    void whatOnlyTicketServiceKnowsIsLearnt() {
        directory.team(ticket, "tech-support"); // e.g. a supervisor opened it
        directory.learn(ticket, "mateo", null);
        assertThat(directory.holder(ticket)).hasValueSatisfying(h -> {
            assertThat(h.agentId()).isEqualTo("mateo");
            assertThat(h.team()).isEqualTo("tech-support");
        });
    }
}
