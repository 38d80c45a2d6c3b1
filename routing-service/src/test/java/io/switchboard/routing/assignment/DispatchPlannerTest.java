package io.switchboard.routing.assignment;

import static io.switchboard.routing.assignment.Fixtures.T0;
import static io.switchboard.routing.assignment.Fixtures.agent;
import static io.switchboard.routing.assignment.Fixtures.queue;
import static io.switchboard.routing.assignment.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.switchboard.events.ticket.Priority;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.queue.Queue;

class DispatchPlannerTest {

    private final Eligibility eligibility = new Eligibility(new Teams("supervisors"));
    private final DispatchPlanner planner = new DispatchPlanner(new AgentSelector(eligibility),
            new QueueOrder(Duration.ofMinutes(5), Priority.URGENT));
    private final Queue cc = queue("cc", "customer-care");
    private final Map<String, Queue> queues = Map.of("cc", cc);

    @Test
    void freeCapacityGoesToTheQueueInOrder() {
        WaitingTicket oldest = ticket("cc", Priority.NORMAL, T0);
        WaitingTicket newer = ticket("cc", Priority.NORMAL, T0.plusSeconds(10));
        WaitingTicket urgent = ticket("cc", Priority.URGENT, T0.plusSeconds(20));
        var plan = planner.plan(List.of(agent("ava", "customer-care", 2, 0)), List.of(newer, oldest, urgent), queues,
                T0.plusSeconds(30));
        assertThat(plan.assignments()).extracting(p -> p.ticket()).containsExactly(urgent, oldest);
        assertThat(plan.stillFree()).isEmpty();
    }

    @Test
    void aTicketNobodyFreeCanTakeIsSkippedNotBlocking() {
        WaitingTicket spanish = ticket("cc", "es");
        WaitingTicket english = ticket("cc", "en");
        var plan = planner.plan(List.of(agent("ava", "customer-care", 1, 0)), List.of(spanish, english), queues, T0);
        assertThat(plan.assignments()).extracting(p -> p.ticket()).containsExactly(english);
    }

    @Test
    void loadsGrowAsThePlanAssigns_spreadingWorkOverAgents() {
        List<WaitingTicket> four = List.of(ticket("cc", "en"), ticket("cc", "en"), ticket("cc", "en"), ticket("cc", "en"));
        var plan = planner.plan(List.of(agent("a", "customer-care", 3, 0), agent("b", "customer-care", 3, 1)), four, queues, T0);
        assertThat(plan.assignments()).extracting(p -> p.choice().agent().id()).containsExactly("a", "b", "a", "a");
        assertThat(plan.stillFree()).extracting(Agent::id).containsExactly("b");
        assertThat(plan.stillFree().get(0).load()).isEqualTo(2);
    }

    /**
     * The property dispatch stands on: after a plan no agent exceeds capacity, and no left-over ticket
     * could be taken by an agent who still has room.
     */
    @RepeatedTest(50)
    void afterAPlanNoTicketWaitsThatAFreeAgentCouldTake() {
        Random random = new Random();
        List<String> languages = List.of("en", "es", "fr");
        List<String> skills = List.of("billing", "technical");
        Map<String, Queue> byId = Map.of("cc", queue("cc", "customer-care"), "billing", queue("billing", "customer-care", "billing"),
                "tech", queue("tech", "tech-support", "technical"));
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int capacity = random.nextInt(4);
            agents.add(agent("agent-" + i, Set.of(random.nextBoolean() ? "customer-care" : "tech-support"),
                    Set.of(skills.get(random.nextInt(2))), Set.of(languages.get(random.nextInt(3))), capacity,
                    capacity == 0 ? 0 : random.nextInt(capacity)));
        }
        List<WaitingTicket> waiting = new ArrayList<>();
        List<String> queueIds = List.of("cc", "billing", "tech");
        for (int i = 0; i < 30; i++) {
            waiting.add(ticket(queueIds.get(random.nextInt(3)), random.nextInt(4) == 0 ? null : languages.get(random.nextInt(3))));
        }
        var plan = planner.plan(agents, waiting, byId, T0);

        Map<String, Integer> loads = new java.util.HashMap<>();
        agents.forEach(a -> loads.put(a.id(), a.load()));
        Set<WaitingTicket> assigned = new java.util.HashSet<>();
        for (var p : plan.assignments()) {
            loads.merge(p.choice().agent().id(), 1, Integer::sum);
            assertThat(eligibility.qualifies(p.choice().agent(), p.queue(), p.ticket().language())).isTrue();
            assigned.add(p.ticket());
        }
        for (Agent a : agents) {
            assertThat(loads.get(a.id())).isLessThanOrEqualTo(a.capacity());
        }
        for (WaitingTicket t : waiting) {
            if (assigned.contains(t)) {
                continue;
            }
            for (Agent a : agents) {
                boolean free = loads.get(a.id()) < a.capacity();
                assertThat(free && eligibility.qualifies(a, byId.get(t.queueId()), t.language()))
                        .as("ticket %s waits while %s could take it", t.ticketId(), a.id()).isFalse();
            }
        }
    }
}
