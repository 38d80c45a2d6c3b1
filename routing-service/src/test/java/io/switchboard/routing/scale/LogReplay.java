package io.switchboard.routing.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.assignment.Eligibility;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.scale.DecisionLog.AgentChanged;
import io.switchboard.routing.scale.DecisionLog.ClosedWhileWaiting;
import io.switchboard.routing.scale.DecisionLog.Decision;
import io.switchboard.routing.scale.DecisionLog.Entry;

/**
 * Replays the decision log entry by entry, holding who holds what, each agent's load and profile, and
 * which tickets wait in which queue, and checks the three properties at every step:
 * <ol>
 * <li>no ticket is given to an agent while another holds it (nor released by one who does not, nor
 * queued while held), and a ticket taken away is queued or given again in the same transaction;</li>
 * <li>no agent is given a ticket beyond the capacity in force at that point of the log;</li>
 * <li>no ticket waits while an agent who could take it (online, in the queue's team, with its skills
 * and language, below capacity) has free capacity.</li>
 * </ol>
 *
 * <p>The reaction time allowed for 3 is one transaction, and no wall-clock time at all. A transaction
 * holds the locks of every team it touches and dispatches those teams before it commits, so it may
 * create a waiting ticket and a free agent who could take it (a release, then the assignment that
 * uses the freed capacity), but must resolve that before its last entry. Other replicas only ever see
 * the state between transactions. So a pair is judged only at a point of the log where no transaction
 * that touches the ticket or the agent is half-way (entries before and after that point); transactions
 * touching neither may be half-way, as they cannot change the pair. Judging time instead would be
 * meaningless on two shared cores, where a transaction can take seconds, and a bound of zero
 * transactions is the one the algorithm promises.
 */
final class LogReplay {

    private static final Set<AssignmentReleased.Reason> FINAL = Set.of(AssignmentReleased.Reason.RESOLVED,
            AssignmentReleased.Reason.CLOSED, AssignmentReleased.Reason.MERGED);
    private static final int MAX_REPORTED = 30;

    private final Eligibility eligibility;
    private final Map<String, Queue> queues;
    private final Map<UUID, String> languages;
    private final Set<String> agents;

    private final Map<UUID, String> holder = new HashMap<>();
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<String, AgentChanged> profile = new HashMap<>();
    private final Map<UUID, String> waitingIn = new HashMap<>();
    /** Taken from their agent, not yet queued or given again: by the transaction that took them. */
    private final Map<UUID, Long> takenAway = new HashMap<>();

    private final Map<Long, Long> lastSeq = new HashMap<>();
    private final Map<Long, Set<Object>> touches = new HashMap<>();
    private final Set<Long> open = new HashSet<>();
    private final Map<Object, Integer> halfWay = new HashMap<>();
    private final Set<Object> dirty = new LinkedHashSet<>();

    private final List<String> violations = new ArrayList<>();
    private int decided;

    /**
     * @param languages the world's tickets and their languages (null: unknown, anyone speaks it)
     * @param agents the world's agents; decisions about other tickets only count towards their load
     */
    LogReplay(Eligibility eligibility, Map<String, Queue> queues, Map<UUID, String> languages, Set<String> agents) {
        this.eligibility = eligibility;
        this.queues = queues;
        this.languages = languages;
        this.agents = agents;
    }

    List<String> replay(List<Entry> log) {
        for (Entry entry : log) {
            lastSeq.merge(entry.tx(), entry.seq(), Math::max);
            touches.computeIfAbsent(entry.tx(), tx -> new HashSet<>()).addAll(subjects(entry));
        }
        for (Entry entry : log) {
            if (entry.seq() < lastSeq.get(entry.tx()) && open.add(entry.tx())) {
                touches.get(entry.tx()).forEach(s -> halfWay.merge(s, 1, Integer::sum));
            }
            apply(entry);
            if (entry.seq() == lastSeq.get(entry.tx())) {
                end(entry.tx());
            }
            judgeSettled(entry);
        }
        if (decided == 0) {
            report("the log holds no decision at all");
        }
        return violations;
    }

    /** The load each agent ends with, to compare with the database. */
    Map<String, Integer> loads() {
        return load;
    }

    private void apply(Entry entry) {
        if (entry instanceof Decision d) {
            if (d.event() instanceof AssignmentDecided e) {
                decided(e);
            } else if (d.event() instanceof AssignmentReleased e) {
                released(e, d.tx());
            } else if (d.event() instanceof TicketQueued e) {
                queued(e);
            }
        } else if (entry instanceof AgentChanged change) {
            profile.put(change.agentId(), change);
            dirty.add(change.agentId());
        } else if (entry instanceof ClosedWhileWaiting closed && waitingIn.remove(closed.ticketId()) == null) {
            report("1: log closes " + closed.ticketId() + " as waiting, but it did not wait");
        }
    }

    private void decided(AssignmentDecided d) {
        decided++;
        if (holder.containsKey(d.ticketId())) {
            report("1: log gives " + d.ticketId() + " to " + d.agentId() + " while " + holder.get(d.ticketId()) + " holds it");
        }
        holder.put(d.ticketId(), d.agentId());
        waitingIn.remove(d.ticketId());
        takenAway.remove(d.ticketId());
        int after = load.merge(d.agentId(), 1, Integer::sum);
        AgentChanged agent = profile.get(d.agentId());
        if (agents.contains(d.agentId()) && (agent == null || after > agent.capacity())) {
            report("2: log gives " + d.agentId() + " a ticket #" + after + " with capacity "
                    + (agent == null ? null : agent.capacity()));
        }
        dirty.add(d.agentId());
    }

    private void released(AssignmentReleased r, long tx) {
        if (!r.agentId().equals(holder.get(r.ticketId()))) {
            report("1: log releases " + r.ticketId() + " from " + r.agentId() + " who does not hold it");
        }
        holder.remove(r.ticketId());
        load.merge(r.agentId(), -1, Integer::sum);
        if (!FINAL.contains(r.reason())) {
            takenAway.put(r.ticketId(), tx);
        }
        dirty.add(r.agentId());
    }

    private void queued(TicketQueued q) {
        if (holder.containsKey(q.ticketId())) {
            report("1: log queues " + q.ticketId() + " while " + holder.get(q.ticketId()) + " holds it");
        }
        takenAway.remove(q.ticketId());
        if (languages.containsKey(q.ticketId())) {
            waitingIn.put(q.ticketId(), q.queueId());
            dirty.add(q.ticketId());
        }
    }

    private void end(long tx) {
        if (open.remove(tx)) {
            touches.get(tx).forEach(s -> halfWay.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1));
        }
        takenAway.entrySet().removeIf(e -> {
            if (e.getValue() == tx) {
                report("1: transaction " + tx + " took " + e.getKey() + " from its agent and neither queued nor gave it again");
                return true;
            }
            return false;
        });
    }

    /** Property 3 for what changed, once no half-way transaction touches it. */
    private void judgeSettled(Entry at) {
        for (var it = dirty.iterator(); it.hasNext();) {
            Object subject = it.next();
            if (halfWay.containsKey(subject)) {
                continue;
            }
            it.remove();
            if (subject instanceof UUID ticket && waitingIn.containsKey(ticket)) {
                for (String agent : agents) {
                    judge(ticket, agent, at);
                }
            } else if (subject instanceof String agent && agents.contains(agent)) {
                for (UUID ticket : waitingIn.keySet()) {
                    judge(ticket, agent, at);
                }
            }
        }
    }

    private void judge(UUID ticket, String agentId, Entry at) {
        if (halfWay.containsKey(ticket) || halfWay.containsKey(agentId)) {
            return; // judged when that transaction ends: it leaves its subjects dirty
        }
        AgentChanged p = profile.get(agentId);
        if (p == null) {
            return;
        }
        Agent agent = new Agent(agentId, null, null, p.teams(), p.skills(), p.languages(), p.supervisor(), p.capacity(),
                load.getOrDefault(agentId, 0), p.presence(), null, null, null);
        Queue queue = queues.get(waitingIn.get(ticket));
        if (eligibility.canTake(agent, queue, languages.get(ticket))) {
            report("3: after log entry " + at.seq() + " (transaction " + at.tx() + ") " + ticket + " waits in " + queue.id()
                    + " while " + agentId + " could take it (load " + agent.load() + " of " + agent.capacity() + ")");
        }
    }

    /** The tickets and agents an entry is about. */
    private static List<Object> subjects(Entry entry) {
        if (entry instanceof Decision d) {
            if (d.event() instanceof AssignmentDecided e) {
                return List.of(e.ticketId(), e.agentId());
            }
            if (d.event() instanceof AssignmentReleased e) {
                return List.of(e.ticketId(), e.agentId());
            }
            if (d.event() instanceof TicketQueued e) {
                return List.of(e.ticketId());
            }
            return List.of();
        }
        if (entry instanceof AgentChanged change) {
            return List.of(change.agentId());
        }
        return List.of(((ClosedWhileWaiting) entry).ticketId());
    }

    private void report(String violation) {
        if (violations.size() < MAX_REPORTED) {
            violations.add(violation);
        } else if (violations.size() == MAX_REPORTED) {
            violations.add("... and more");
        }
    }
}
