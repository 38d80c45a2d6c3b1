package io.switchboard.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.harness.SystemTest;
import io.switchboard.system.support.RecordedConversations;
import io.switchboard.system.support.TicketTrail;
import io.switchboard.system.support.XCustomer;

/**
 * What the browser tests share: the running system, a fresh {@link Shift} and a {@link TicketTrail}
 * per test (which resolves the test's tickets at the end), and customers posting on X.
 */
@SystemTest
abstract class AgentAppTest {

    protected final SystemStack stack;
    protected Shift shift;
    protected TicketTrail trail;

    protected AgentAppTest(SystemStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void startOfShift() {
        shift = Shift.begin(stack);
        trail = new TicketTrail(stack);
    }

    @AfterEach
    void endOfShift() {
        if (trail != null) {
            trail.close();
        }
        if (shift != null) {
            Shift.AGENTS.forEach(shift::signOut);
        }
    }

    /** The customer of a recorded conversation, shown on X by their handle (the data set has no names). */
    protected XCustomer customerOf(int conversation) {
        RecordedConversations.Conversation recorded = RecordedConversations.get(conversation);
        return new XCustomer(stack.fakeX(), recorded).displayName(recorded.customerHandle());
    }

    /** Posts the conversation's first customer turn on X's stream; returns the ticket it became. */
    protected UUID firstPostOf(XCustomer customer, int conversation) {
        customer.postOnStream(RecordedConversations.get(conversation).customerTurns().get(0).text());
        return trail.awaitOneTicketFor(customer.posts());
    }

    /** Waits for routing's decision on the ticket and checks it went to this agent. */
    protected void assertAssignedTo(UUID ticket, DemoUser agent) {
        AssignmentDecided decision = trail.awaitAssignment(ticket);
        assertThat(decision.agentId()).as("routing gave ticket " + ticket + " to " + agent.username()).isEqualTo(agent.subject());
    }
}
