package io.switchboard.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.gateway.infra.security.SignedInUser;

/** Who is pushed what: message texts to the holder only, queue changes to the team's supervisors. */
class LiveEventRouterTest {

    private static final SignedInUser AVA = user("ava-id", Set.of("agent"), Set.of("customer-care"));
    private static final SignedInUser MATEO = user("mateo-id", Set.of("agent"), Set.of("tech-support"));
    private static final SignedInUser SAM = user("sam-id", Set.of("agent", "supervisor"), Set.of("customer-care"));
    private static final SignedInUser TECH_LEAD = user("lead-id", Set.of("supervisor"), Set.of("tech-support"));
    private static final SignedInUser ADA = user("ada-id", Set.of("admin"), Set.of());

    private final TicketDirectory directory = new TicketDirectory();
    private final LiveEventRouter router = new LiveEventRouter(directory, "supervisors");
    private final UUID ticket = UUID.randomUUID();

    @Test
    void anAssignmentGoesToTheAgentAndTheTeamsSupervisors() {
        List<Delivery> deliveries = router.route(AssignmentDecided.of(ticket, "ava-id", "cc", "customer-care",
                AssignmentDecided.Reason.BEST_FIT, null));
        assertThat(recipients(deliveries, "assignment")).containsExactlyInAnyOrder(AVA, SAM, ADA);
    }

    @Test
    void theEscalationQueuesChangesGoToEverySupervisor() {
        List<Delivery> deliveries = router.route(TicketQueued.of(ticket, "escalations", "supervisors",
                Priority.HIGH, 1, TicketQueued.Reason.NO_AGENT_ONLINE));
        assertThat(recipients(deliveries, "queued")).containsExactlyInAnyOrder(SAM, TECH_LEAD, ADA);
    }

    @Test
    void messageTextsGoToTheHolderOnly() {
        router.route(AssignmentDecided.of(ticket, "ava-id", "cc", "customer-care", AssignmentDecided.Reason.BEST_FIT, null));
        List<Delivery> deliveries = router.route(MessageAdded.customer(ticket, UUID.randomUUID(),
                new MessageAdded.Author("c", "Casey"), "<img src=x onerror=alert(1)>", Visibility.PUBLIC, UUID.randomUUID(), "1"));
        assertThat(recipients(deliveries, "message")).containsExactly(AVA);
    }

    @Test
    void messagesOnTicketsNobodyHereHoldsGoNowhere() {
        List<Delivery> deliveries = router.route(MessageAdded.internalNote(ticket, UUID.randomUUID(),
                new MessageAdded.Author("a", "A"), "note"));
        assertThat(deliveries).isEmpty();
    }

    @Test
    void aTransferTellsBothAgents() {
        router.route(AssignmentDecided.of(ticket, "ava-id", "cc", "customer-care", AssignmentDecided.Reason.BEST_FIT, null));
        List<Delivery> deliveries = router.route(AssignmentDecided.of(ticket, "sam-id", "cc", "customer-care",
                AssignmentDecided.Reason.TRANSFER, "ava-id"));
        assertThat(recipients(deliveries, "assignment")).contains(SAM).doesNotContain(AVA);
        assertThat(recipients(deliveries, "release")).containsExactly(AVA);
        // From now on the ticket's messages go to the new holder.
        assertThat(recipients(router.route(MessageAdded.internalNote(ticket, UUID.randomUUID(),
                new MessageAdded.Author("a", "A"), "n")), "message")).containsExactly(SAM);
    }

    @Test
    void aReleaseStopsTheMessages() {
        router.route(AssignmentDecided.of(ticket, "ava-id", "cc", "customer-care", AssignmentDecided.Reason.BEST_FIT, null));
        assertThat(recipients(router.route(AssignmentReleased.of(ticket, "ava-id", AssignmentReleased.Reason.RESOLVED)),
                "release")).containsExactlyInAnyOrder(AVA, SAM, ADA);
        assertThat(router.route(MessageAdded.internalNote(ticket, UUID.randomUUID(), new MessageAdded.Author("a", "A"), "n")))
                .isEmpty();
    }

    @Test
    void aNewTicketReachesSupervisorsWithoutTheCustomer() {
        TicketOpened opened = new TicketOpened(UUID.randomUUID(), Instant.now(), ticket, "SW-1", Channel.X, null, "conv",
                Visibility.PUBLIC, UUID.randomUUID(), new Customer(UUID.randomUUID(), "@casey", "Casey Secret", 10),
                "en", Intent.COMPLAINT, new Sentiment(Sentiment.Label.NEGATIVE, -0.8), Priority.HIGH, List.of(),
                "tech-support", null, null);
        List<Delivery> deliveries = router.route(opened);
        assertThat(recipients(deliveries, "ticket-opened")).containsExactlyInAnyOrder(TECH_LEAD, ADA);
        assertThat(deliveries.get(0).message().data()).isEqualTo(new QueueChange("X", "HIGH", "NEGATIVE", "tech-support"));
    }

    @Test
    void slaWarningsReachTheAssigneeAndTheTeamsSupervisors() {
        directory.team(ticket, "customer-care");
        List<Delivery> deliveries = router.route(SlaWarning.of(ticket, SlaClock.FIRST_RESPONSE, Instant.now(), "ava-id"));
        assertThat(recipients(deliveries, "sla-warning")).containsExactlyInAnyOrder(AVA, SAM, ADA);
    }

    @Test
    void statusChangesReachTheHolder() {
        router.route(AssignmentDecided.of(ticket, "mateo-id", "ts", "tech-support", AssignmentDecided.Reason.BEST_FIT, null));
        List<Delivery> deliveries = router.route(new TicketStatusChanged(UUID.randomUUID(), Instant.now(), ticket,
                TicketStatus.OPEN, TicketStatus.RESOLVED, Actor.agent("mateo-id"), null));
        assertThat(recipients(deliveries, "ticket-changed")).containsExactlyInAnyOrder(MATEO, TECH_LEAD, ADA);
    }

    private static List<SignedInUser> recipients(List<Delivery> deliveries, String type) {
        return List.of(AVA, MATEO, SAM, TECH_LEAD, ADA).stream()
                .filter(user -> deliveries.stream().anyMatch(d -> d.message().type().equals(type) && d.recipient().matches(user)))
                .toList();
    }

    private static SignedInUser user(String subject, Set<String> roles, Set<String> teams) {
        return new SignedInUser(subject, subject, subject, roles, teams, List.of("en"));
    }
}
