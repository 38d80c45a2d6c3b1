package io.switchboard.routing.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.routing.Routing;
import io.switchboard.routing.RoutingSettings;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentAdmin;
import io.switchboard.routing.agent.AgentSeeds;
import io.switchboard.routing.assignment.Assignment;
import io.switchboard.routing.assignment.DecisionObserver;
import io.switchboard.routing.queue.Queue;
import io.switchboard.routing.ticket.RoutedTicket;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A routing engine of its own for one test, on the real database: its queues, teams and agents carry
 * a unique prefix, its default and escalation queues are its own, so whatever else the shared
 * database holds (other tests, other runs) cannot reach it. Placement rules are global, though: the
 * seeded ones send Spanish and technical tags to tech-support, so scenarios use other languages and tags.
 */
public final class Scenario implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    public final String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
    public final Pool pool;
    public final Routing routing;
    private final List<String> agents = new ArrayList<>();

    public Scenario(Pool pool) {
        this(pool, Duration.ofMinutes(5), Duration.ofSeconds(90), DecisionObserver.NONE);
    }

    public Scenario(Pool pool, Duration agingStep, Duration heartbeatTimeout, DecisionObserver observer) {
        this.pool = pool;
        this.routing = new Routing(pool, settings(agingStep, heartbeatTimeout), observer);
        queue("cc", "care");
        queue("esc", "sup");
    }

    public RoutingSettings settings(Duration agingStep, Duration heartbeatTimeout) {
        return new RoutingSettings(id("cc"), id("esc"), id("sup"), 10_000, -0.3, agingStep, Priority.URGENT, heartbeatTimeout,
                500, 50, new AgentSeeds(List.of(), 3, Set.of("en")));
    }

    /** The namespaced name of a queue, team or agent. */
    public String id(String name) {
        return ns + "-" + name;
    }

    public Queue queue(String name, String team, String... skills) {
        return queue(name, team, false, null, null, skills);
    }

    public Queue queue(String name, String team, boolean teamDefault, String overflowTo, Duration overflowAfter, String... skills) {
        Queue queue = new Queue(id(name), name, id(team), Set.of(skills), teamDefault, overflowTo == null ? null : id(overflowTo),
                overflowAfter);
        await(routing.queues().upsert(pool, queue));
        return queue;
    }

    /** A queue of a team named as it is (not namespaced), never the team's default queue. */
    public Queue queueOfTeam(String name, String team, String... skills) {
        Queue queue = new Queue(id(name), name, team, Set.of(skills), false, null, null);
        await(routing.queues().upsert(pool, queue));
        return queue;
    }

    /** An agent, offline, with this profile. */
    public String agent(String name, Set<String> teams, Set<String> skills, Set<String> languages, int capacity) {
        return agentInTeams(name, teams.stream().map(this::id).toList(), skills, languages, capacity);
    }

    /** An agent of teams named as they are (not namespaced), e.g. a real team for a supervisor's view. */
    public String agentInTeams(String name, List<String> teams, Set<String> skills, Set<String> languages, int capacity) {
        String agentId = id(name);
        agents.add(agentId);
        List<String> namespaced = teams;
        presence(agentId, namespaced, Presence.OFFLINE, AgentPresenceChanged.Cause.SIGN_OUT);
        await(routing.agentAdmin().change(agentId, new AgentAdmin.ProfileChange(skills, languages, capacity, null), "test"));
        return agentId;
    }

    public String agent(String name, String team, int capacity) {
        return agent(name, Set.of(team), Set.of(), Set.of("en"), capacity);
    }

    /** A new agent of the care team who signed in (their last sign of life) that many seconds ago. */
    public String signedIn(String name, long secondsAgo) {
        String agentId = id(name);
        agents.add(agentId);
        presence(new AgentPresenceChanged(UUID.randomUUID(), Instant.now().minusSeconds(secondsAgo), agentId, agentId,
                List.of(id("care")), Presence.ONLINE, null, AgentPresenceChanged.Cause.SIGN_IN));
        return agentId;
    }

    public void supervisor(String agentId) {
        await(routing.agentAdmin().change(agentId, new AgentAdmin.ProfileChange(null, null, null, true), "test"));
    }

    public AgentPresenceChanged presence(String agentId, List<String> teams, Presence presence, AgentPresenceChanged.Cause cause) {
        return presence(AgentPresenceChanged.of(agentId, agentId, teams, presence, null, cause));
    }

    public AgentPresenceChanged presence(AgentPresenceChanged event) {
        await(routing.presence().apply(event));
        return event;
    }

    public void online(String agentId) {
        presence(agentId, List.of(), Presence.ONLINE, AgentPresenceChanged.Cause.STATUS_CHANGE);
    }

    public void offline(String agentId) {
        presence(agentId, List.of(), Presence.OFFLINE, AgentPresenceChanged.Cause.SIGN_OUT);
    }

    public TicketOpened opened(String teamHint, Priority priority, String language) {
        return opened(teamHint, priority, language, SwitchboardEvent.now(), null, null, null);
    }

    public TicketOpened opened(String teamHint, Priority priority, String language, Instant at, String previousAgentId,
            Sentiment sentiment, Integer followers) {
        UUID ticketId = UUID.randomUUID();
        return new TicketOpened(UUID.randomUUID(), at, ticketId, "SW-" + ticketId.toString().substring(0, 6), Channel.X, null,
                "conv-" + ticketId, Visibility.PUBLIC, UUID.randomUUID(),
                new Customer(UUID.randomUUID(), "@someone", "Someone", followers), language, Intent.QUESTION, sentiment, priority,
                List.of(), teamHint == null ? null : id(teamHint), previousAgentId, null);
    }

    /** Opens the ticket (placed by its team hint in the team's default queue, else the scenario's default queue). */
    public UUID open(TicketOpened opened) {
        await(routing.ticketRouting().open(opened));
        return opened.ticketId();
    }

    public UUID open() {
        return open(opened(null, Priority.NORMAL, "en"));
    }

    public Agent agentNow(String agentId) {
        return await(routing.transactions().read(c -> routing.agents().find(c, agentId))).orElseThrow();
    }

    public RoutedTicket ticket(UUID ticketId) {
        return await(routing.transactions().read(c -> routing.tickets().find(c, ticketId))).orElseThrow();
    }

    public Optional<Assignment> assignment(UUID ticketId) {
        return await(routing.transactions().read(c -> routing.assignments().active(c, ticketId)));
    }

    public String assignee(UUID ticketId) {
        return assignment(ticketId).map(Assignment::agentId).orElse(null);
    }

    /** The decisions about a ticket, in the order they were made (from the outbox). */
    public List<SwitchboardEvent> decisions(UUID ticketId) {
        return await(pool.preparedQuery("select ce_type, payload from outbox where message_key = $1 order by id")
                .execute(Tuple.of(ticketId.toString()))
                .map(rows -> {
                    List<SwitchboardEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(EventCodec.decode(row.getString("ce_type"),
                                row.getString("payload").getBytes(StandardCharsets.UTF_8)));
                    }
                    return events;
                }));
    }

    public <E extends SwitchboardEvent> E last(UUID ticketId, Class<E> type) {
        List<SwitchboardEvent> all = decisions(ticketId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (type.isInstance(all.get(i))) {
                return type.cast(all.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for ticket " + ticketId + " in " + all);
    }

    /**
     * Signs every agent of the scenario out, so none is left online for the next test to compete with
     * (supervisors serve every escalation queue, and the shared database outlives the test).
     */
    @Override
    public void close() {
        for (String agent : agents) {
            offline(agent);
        }
    }

    public static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }
}
