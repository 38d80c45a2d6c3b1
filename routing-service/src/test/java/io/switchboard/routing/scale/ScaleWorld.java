package io.switchboard.routing.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.routing.Routing;
import io.switchboard.routing.RoutingSettings;
import io.switchboard.routing.agent.AgentAdmin;
import io.switchboard.routing.agent.AgentSeeds;
import io.switchboard.routing.agent.Languages;
import io.switchboard.routing.queue.Queue;

/**
 * The scale test's world: its own teams, queues (one needing a skill, one overflowing into another,
 * the supervisors' queue) and agents, all under a unique prefix; and the random stream of operations
 * two routing instances receive at once: tickets opening (some delivered to both instances),
 * resolving, escalating, overflowing and transferred; agents coming and going, timing out, and
 * admins changing capacity, skills and languages.
 */
final class ScaleWorld {

    static final List<String> LANGUAGES = List.of("en", "de", "fr");

    final String ns = "s" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> teams = List.of(id("red"), id("green"), id("blue"));
    final List<String> agents = new ArrayList<>();
    final List<UUID> tickets = new ArrayList<>();
    /** Each ticket's language as routing matches it (null: unknown, any agent speaks it). */
    final Map<UUID, String> languages = new HashMap<>();
    private final Random random;

    ScaleWorld(long seed) {
        this.random = new Random(seed);
    }

    String id(String name) {
        return ns + "-" + name;
    }

    RoutingSettings settings() {
        return new RoutingSettings(id("red-q"), id("esc"), id("sup"), 10_000, -0.3, Duration.ofSeconds(2), Priority.URGENT,
                Duration.ofMillis(300), 200, 50, new AgentSeeds(List.of(), 2, Set.of("en")));
    }

    /** Queues and agents, created through one instance before the race starts. */
    void build(Routing routing, int agentCount) {
        for (Queue queue : List.of(queue("green-q", "green", true, null, null),
                queue("red-q", "red", true, "green-q", Duration.ofSeconds(1)),
                queue("blue-q", "blue", true, null, null, "tech"),
                queue("esc", "sup", true, null, null))) {
            await(routing.transactions().inTransaction(c -> routing.queues().upsert(c, queue)));
        }
        for (int i = 0; i < agentCount; i++) {
            String agent = id("agent-" + i);
            agents.add(agent);
            await(routing.presence().apply(AgentPresenceChanged.of(agent, agent, randomTeams(), Presence.OFFLINE, null,
                    AgentPresenceChanged.Cause.SIGN_OUT)));
            await(routing.agentAdmin().change(agent, new AgentAdmin.ProfileChange(randomSkills(), randomLanguages(),
                    random.nextInt(5), i % 8 == 0), "scale-test"));
        }
    }

    private Queue queue(String name, String team, boolean teamDefault, String overflowTo, Duration after, String... skills) {
        return new Queue(id(name), name, id(team), Set.of(skills), teamDefault, overflowTo == null ? null : id(overflowTo), after);
    }

    /** One operation for the instance that runs it; a rejection (capacity below load, transfer refused) is expected. */
    interface Operation {
        Uni<Void> run(Routing routing);
    }

    /** The next random operation; opening a ticket may come as two (the same event to both instances). */
    List<Operation> next() {
        int roll = random.nextInt(1000);
        if (roll < 560 || tickets.isEmpty()) {
            TicketOpened opened = opened();
            tickets.add(opened.ticketId());
            languages.put(opened.ticketId(), Languages.primary(opened.language()));
            Operation open = r -> r.ticketRouting().open(opened);
            return random.nextInt(20) == 0 ? List.of(open, open) : List.of(open);
        }
        UUID ticket = tickets.get(random.nextInt(tickets.size()));
        String agent = agents.get(random.nextInt(agents.size()));
        if (roll < 800) {
            TicketStatusChanged resolved = TicketStatusChanged.of(ticket, TicketStatus.OPEN, TicketStatus.RESOLVED,
                    Actor.agent(agent));
            return List.of(r -> r.ticketRouting().statusChanged(resolved));
        }
        if (roll < 900) {
            Presence presence = List.of(Presence.ONLINE, Presence.ONLINE, Presence.AWAY, Presence.OFFLINE)
                    .get(random.nextInt(4));
            AgentPresenceChanged changed = AgentPresenceChanged.of(agent, agent, List.of(), presence, null,
                    AgentPresenceChanged.Cause.STATUS_CHANGE);
            return List.of(r -> r.presence().apply(changed));
        }
        if (roll < 940) {
            int capacity = random.nextInt(6);
            return List.of(r -> r.agentAdmin().change(agent, new AgentAdmin.ProfileChange(null, null, capacity, null), "churn")
                    .replaceWithVoid());
        }
        if (roll < 950) {
            Set<String> skills = randomSkills();
            Set<String> languages = randomLanguages();
            return List.of(r -> r.agentAdmin().change(agent, new AgentAdmin.ProfileChange(skills, languages, null, null),
                    "churn").replaceWithVoid());
        }
        if (roll < 960) {
            return List.of(r -> r.presence().timeOut(agent).replaceWithVoid());
        }
        if (roll < 970) {
            SlaBreached breach = SlaBreached.of(ticket, SlaClock.FIRST_RESPONSE, Instant.now(), null);
            return List.of(r -> r.escalations().slaBreached(breach));
        }
        if (roll < 980) {
            return List.of(r -> r.transfers().toAgent(ticket, agent, null));
        }
        if (roll < 985) {
            String queue = id(List.of("red-q", "green-q", "blue-q").get(random.nextInt(3)));
            return List.of(r -> r.transfers().toQueue(ticket, queue, null));
        }
        if (roll < 995) {
            return List.of(r -> r.overflows().overflow(ticket).replaceWithVoid());
        }
        MessageAdded reply = MessageAdded.agentReply(ticket, UUID.randomUUID(), new MessageAdded.Author(agent, "Agent"), "Hi",
                Visibility.PUBLIC, UUID.randomUUID());
        return List.of(r -> r.ticketRouting().answered(reply, ticket, reply.occurredAt()));
    }

    /**
     * The quiet end of a round: only releases of tickets agents hold, nothing else arriving. A freed
     * agent must get waiting work from the release itself, as no later event would hide a miss.
     */
    List<Operation> releases(List<UUID> held, int count) {
        List<Operation> ops = new ArrayList<>();
        List<UUID> shuffled = new ArrayList<>(held);
        Collections.shuffle(shuffled, random);
        for (UUID ticket : shuffled.subList(0, Math.min(count, shuffled.size()))) {
            TicketStatusChanged closed = TicketStatusChanged.of(ticket, TicketStatus.OPEN, TicketStatus.CLOSED,
                    Actor.system("scale-test"));
            ops.add(r -> r.ticketRouting().statusChanged(closed));
        }
        return ops;
    }

    private TicketOpened opened() {
        UUID ticketId = UUID.randomUUID();
        String language = random.nextInt(5) == 0 ? null : LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        Instant at = SwitchboardEvent.now().minusMillis(random.nextInt(3000));
        return new TicketOpened(UUID.randomUUID(), at, ticketId, "SC-" + tickets.size(), Channel.X, null, "c-" + ticketId,
                Visibility.PUBLIC, UUID.randomUUID(), new Customer(UUID.randomUUID(), null, null, null), language,
                Intent.QUESTION, null, Priority.values()[random.nextInt(4)], List.of(), teams.get(random.nextInt(3)),
                random.nextInt(10) == 0 && !agents.isEmpty() ? agents.get(random.nextInt(agents.size())) : null, null);
    }

    private List<String> randomTeams() {
        Set<String> chosen = new TreeSet<>();
        chosen.add(teams.get(random.nextInt(3)));
        if (random.nextInt(3) == 0) {
            chosen.add(teams.get(random.nextInt(3)));
        }
        return List.copyOf(chosen);
    }

    private Set<String> randomSkills() {
        return random.nextBoolean() ? Set.of("tech") : Set.of();
    }

    private Set<String> randomLanguages() {
        Set<String> chosen = new TreeSet<>();
        chosen.add(LANGUAGES.get(random.nextInt(3)));
        if (random.nextBoolean()) {
            chosen.add(LANGUAGES.get(random.nextInt(3)));
        }
        return chosen;
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(60));
    }
}
