package io.switchboard.routing.agent;

import static io.switchboard.routing.testing.Scenario.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Visibility;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.AgentPresenceChanged.Cause;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.routing.testing.Scenario;
import io.switchboard.routing.testing.ScenarioTest;
import io.switchboard.routing.ticket.RoutedTicket;

/** Presence from agent-events and the heartbeat timeout, on the real database. */
@QuarkusTest
class PresenceFlowTest extends ScenarioTest {

    private static MessageAdded reply(UUID ticketId, String agentId) {
        return MessageAdded.agentReply(ticketId, UUID.randomUUID(), new MessageAdded.Author(agentId, "Agent"), "Hello",
                Visibility.PUBLIC, UUID.randomUUID());
    }

    @Test
    void anAgentGoingOfflineHandsBackOnlyTheTicketsTheyHaveNotAnswered() {
        Scenario s = scenario();
        String leaving = s.agent("leaving", "care", 2);
        String staying = s.agent("staying", "care", 2);
        s.online(leaving);
        UUID answered = s.open();
        UUID unanswered = s.open();
        await(s.routing.ticketRouting().answered(reply(answered, leaving), answered, java.time.Instant.now()));
        s.online(staying);

        s.offline(leaving);

        assertThat(s.assignee(answered)).as("answered: the conversation stays with its agent").isEqualTo(leaving);
        AssignmentReleased released = s.last(unanswered, AssignmentReleased.class);
        assertThat(released.reason()).isEqualTo(AssignmentReleased.Reason.AGENT_UNAVAILABLE);
        assertThat(s.assignee(unanswered)).as("handed straight to the agent still online").isEqualTo(staying);
        assertThat(s.agentNow(leaving).load()).isEqualTo(1);
        assertThat(s.agentNow(leaving).presence()).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void aHandedBackTicketKeepsItsPlaceAndSaysItWasRequeued() {
        Scenario s = scenario();
        String a = s.agent("a", "care", 1);
        s.online(a);
        UUID first = s.open();
        UUID second = s.open();
        s.offline(a);
        TicketQueued requeued = s.last(first, TicketQueued.class);
        assertThat(requeued.reason()).isEqualTo(TicketQueued.Reason.REQUEUED);
        assertThat(requeued.position()).as("it waited longer than the other").isEqualTo(1);
        assertThat(s.ticket(second).status()).isEqualTo(RoutedTicket.Status.WAITING);
    }

    @Test
    void awayAgentsKeepTheirTicketsButGetNoNewOnes() {
        Scenario s = scenario();
        String a = s.agent("a", "care", 3);
        s.online(a);
        UUID held = s.open();
        s.presence(a, List.of(), Presence.AWAY, Cause.STATUS_CHANGE);
        UUID next = s.open();
        assertThat(s.assignee(held)).isEqualTo(a);
        assertThat(s.assignee(next)).isNull();
        s.online(a);
        assertThat(s.assignee(next)).isEqualTo(a);
    }

    @Test
    void aSilentAgentIsTimedOutAndARecentHeartbeatPreventsIt() {
        Scenario s = scenario(Duration.ofMinutes(5), Duration.ofSeconds(30));
        String silent = s.signedIn("silent", 120);
        String alive = s.agent("alive", "care", 2);
        UUID ticket = s.open();
        assertThat(s.assignee(ticket)).isEqualTo(silent);
        s.online(alive);

        assertThat(await(s.routing.presence().timeOut(alive))).isFalse();
        assertThat(await(s.routing.presence().timeOut(silent))).isTrue();
        assertThat(await(s.routing.presence().timeOut(silent))).as("only once").isFalse();

        assertThat(s.agentNow(silent).presence()).isEqualTo(Presence.OFFLINE);
        assertThat(s.last(ticket, AssignmentReleased.class).reason()).isEqualTo(AssignmentReleased.Reason.AGENT_UNAVAILABLE);
        assertThat(s.assignee(ticket)).isEqualTo(alive);
    }

    @Test
    void theSweepTimesOutSilentAgents() {
        // A timeout of nine days: only this scenario's agent, silent for ten, is that quiet.
        Scenario s = scenario(Duration.ofMinutes(5), Duration.ofDays(9));
        String silent = s.signedIn("silent", 10 * 24 * 3600);
        String recent = s.signedIn("recent", 60);
        assertThat(await(s.routing.presence().sweepSilent(100))).isGreaterThanOrEqualTo(1);
        assertThat(s.agentNow(silent).presence()).isEqualTo(Presence.OFFLINE);
        assertThat(s.agentNow(recent).presence()).isEqualTo(Presence.ONLINE);
    }

    @Test
    void heartbeatsKeepAnAgentAndBringATimedOutOneBack() {
        Scenario s = scenario(Duration.ofMinutes(5), Duration.ofSeconds(30));
        String a = s.signedIn("a", 120);
        s.presence(a, List.of(), Presence.ONLINE, Cause.HEARTBEAT);
        assertThat(await(s.routing.presence().timeOut(a))).as("the heartbeat was recent").isFalse();

        s.presence(new AgentPresenceChanged(UUID.randomUUID(), java.time.Instant.now().minusSeconds(100), a, a, List.of(),
                Presence.ONLINE, Presence.ONLINE, Cause.HEARTBEAT));
        assertThat(s.agentNow(a).lastHeartbeatAt()).as("an older heartbeat never winds the clock back")
                .isAfter(java.time.Instant.now().minusSeconds(60));

        Scenario quick = scenario(Duration.ofMinutes(5), Duration.ofMillis(1));
        assertThat(await(quick.routing.presence().timeOut(a))).isTrue();
        UUID waiting = s.open();
        assertThat(s.assignee(waiting)).isNull();
        s.presence(a, List.of(), Presence.ONLINE, Cause.HEARTBEAT);
        assertThat(s.agentNow(a).presence()).isEqualTo(Presence.ONLINE);
        assertThat(s.assignee(waiting)).isEqualTo(a);
    }

    @Test
    void anAgentIsCreatedOnFirstSightWithTheirTeamsAndDefaults() {
        Scenario s = scenario();
        String id = s.id("new");
        UUID ticket = s.open();
        s.presence(AgentPresenceChanged.of(id, "Someone New", List.of(s.id("care")), Presence.ONLINE, null, Cause.SIGN_IN));
        Agent agent = s.agentNow(id);
        assertThat(agent.teams()).containsExactly(s.id("care"));
        assertThat(agent.capacity()).isEqualTo(3);
        assertThat(agent.languages()).containsExactly("en");
        assertThat(agent.displayName()).isEqualTo("Someone New");
        assertThat(s.last(ticket, AssignmentDecided.class).agentId()).isEqualTo(id);
    }
}
