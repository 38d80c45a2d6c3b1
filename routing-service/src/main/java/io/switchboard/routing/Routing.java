package io.switchboard.routing;

import io.switchboard.routing.agent.AgentAdmin;
import io.switchboard.routing.agent.AgentPresence;
import io.switchboard.routing.agent.AgentStore;
import io.switchboard.routing.agent.Teams;
import io.switchboard.routing.assignment.AgentSelector;
import io.switchboard.routing.assignment.AssignmentStore;
import io.switchboard.routing.assignment.DecisionObserver;
import io.switchboard.routing.assignment.Decisions;
import io.switchboard.routing.assignment.DispatchPlanner;
import io.switchboard.routing.assignment.Dispatcher;
import io.switchboard.routing.assignment.Eligibility;
import io.switchboard.routing.assignment.Escalations;
import io.switchboard.routing.assignment.Overflows;
import io.switchboard.routing.assignment.QueueOrder;
import io.switchboard.routing.assignment.TicketContext;
import io.switchboard.routing.assignment.TicketMoves;
import io.switchboard.routing.assignment.Transfers;
import io.switchboard.routing.assignment.WaitReasons;
import io.switchboard.routing.infra.db.Transactions;
import io.switchboard.routing.queue.Placement;
import io.switchboard.routing.queue.QueueAdmin;
import io.switchboard.routing.queue.QueueStatusQuery;
import io.switchboard.routing.queue.QueueStore;
import io.switchboard.routing.queue.RuleStore;
import io.switchboard.routing.ticket.TicketRouting;
import io.switchboard.routing.ticket.TicketStore;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The routing engine on one database pool: every decision it makes is safe against any number of
 * other engines on the same database (other replicas, or a second instance in the same JVM in the
 * scale test). Plain Java, wired here rather than by CDI for exactly that reason.
 */
public final class Routing {

    private final RoutingSettings settings;
    private final Transactions transactions;
    private final Teams teams;
    private final AgentStore agents;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final RuleStore rules;
    private final AssignmentStore assignments;
    private final QueueOrder queueOrder;
    private final TicketRouting ticketRouting;
    private final AgentPresence presence;
    private final AgentAdmin agentAdmin;
    private final Escalations escalations;
    private final Overflows overflows;
    private final Transfers transfers;
    private final QueueAdmin queueAdmin;
    private final QueueStatusQuery queueStatus;

    public Routing(Pool pool, RoutingSettings settings, DecisionObserver observer) {
        this.settings = settings;
        this.transactions = new Transactions(pool);
        this.teams = new Teams(settings.escalationTeam());
        this.queueOrder = new QueueOrder(settings.agingStep(), settings.agingCeiling());
        this.agents = new AgentStore(teams);
        this.tickets = new TicketStore(queueOrder);
        this.queues = new QueueStore();
        this.rules = new RuleStore();
        this.assignments = new AssignmentStore();

        Eligibility eligibility = new Eligibility(teams);
        TicketMoves moves = new TicketMoves(agents, tickets, assignments);
        DispatchPlanner planner = new DispatchPlanner(new AgentSelector(eligibility), queueOrder);
        Dispatcher dispatcher = new Dispatcher(agents, tickets, queues, moves, planner, eligibility,
                settings.dispatchPageSize());
        Decisions decisions = new Decisions(transactions, dispatcher, agents, tickets, queues, new WaitReasons(eligibility),
                observer);
        TicketContext.Loader loader = new TicketContext.Loader(tickets, assignments, agents, queues);
        Placement placement = new Placement(new Placement.Settings(settings.defaultQueueId(), settings.escalationQueueId(),
                settings.minFollowers(), settings.maxSentimentScore()));

        this.presence = new AgentPresence(decisions, transactions, agents, assignments, loader, moves, settings.seeds(), teams,
                settings.heartbeatTimeout());
        this.agentAdmin = new AgentAdmin(decisions, transactions, agents, teams);
        this.escalations = new Escalations(decisions, loader, tickets, moves, teams, settings.escalationQueueId());
        this.ticketRouting = new TicketRouting(decisions, loader, tickets, assignments, rules, queues, moves, placement, teams,
                escalations);
        this.overflows = new Overflows(decisions, transactions, loader, tickets, moves, settings.overflowBatchSize());
        this.transfers = new Transfers(decisions, loader, agents, tickets, moves, teams, settings.escalationQueueId());
        this.queueAdmin = new QueueAdmin(decisions, queues, settings.escalationQueueId(), settings.escalationTeam());
        this.queueStatus = new QueueStatusQuery(queues, agents, teams);
    }

    public RoutingSettings settings() {
        return settings;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Teams teams() {
        return teams;
    }

    public QueueOrder queueOrder() {
        return queueOrder;
    }

    public AgentStore agents() {
        return agents;
    }

    public TicketStore tickets() {
        return tickets;
    }

    public QueueStore queues() {
        return queues;
    }

    public RuleStore rules() {
        return rules;
    }

    public AssignmentStore assignments() {
        return assignments;
    }

    public TicketRouting ticketRouting() {
        return ticketRouting;
    }

    public AgentPresence presence() {
        return presence;
    }

    public AgentAdmin agentAdmin() {
        return agentAdmin;
    }

    public Escalations escalations() {
        return escalations;
    }

    public Overflows overflows() {
        return overflows;
    }

    public Transfers transfers() {
        return transfers;
    }

    public QueueAdmin queueAdmin() {
        return queueAdmin;
    }

    public QueueStatusQuery queueStatus() {
        return queueStatus;
    }
}
