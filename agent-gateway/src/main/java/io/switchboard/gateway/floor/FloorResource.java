package io.switchboard.gateway.floor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.Priority;
import io.switchboard.gateway.downstream.AssignedTickets;
import io.switchboard.gateway.downstream.QueueStatus;
import io.switchboard.gateway.downstream.RoutingAgent;
import io.switchboard.gateway.downstream.RoutingServiceClient;
import io.switchboard.gateway.downstream.TicketPlace;
import io.switchboard.gateway.downstream.TicketPage;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.downstream.TicketSummary;
import io.switchboard.gateway.downstream.TransferRequest;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The supervisor floor in one call (queues, agents, the tickets being worked, the mention chart) and
 * the transfer action.
 * routing-service scopes all of it: a supervisor sees and moves only their teams' queues, agents and
 * tickets (and the escalation queue), an admin all; a ticket outside them is 404.
 */
@Path("/api/v1/floor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class FloorResource {

    private static final Logger LOG = Logger.getLogger(FloorResource.class);

    /**
     * @param tickets the newest {@value TicketServiceClient#MAX_PAGE} tickets being worked in the caller's
     *                teams, as ticket-service scopes them; null when ticket-service could not say (the rest
     *                of the floor still shows)
     */
    public record FloorView(List<QueueRow> queues, List<AgentRow> agents, List<TicketSummary> tickets, MentionRate.Chart mentions) {
    }

    /**
     * @param oldestQueuedAt since when the longest-waiting ticket waits; null when none waits
     * @param slaAtRisk waiting tickets whose SLA warned or breached; null when ticket-service could not say
     */
    public record QueueRow(String queueId, String name, String team, int depth, Instant oldestQueuedAt, Integer slaAtRisk,
                           Map<Priority, Integer> waitingByPriority, int agentsOnline) {
    }

    public record AgentRow(String agentId, String displayName, Set<String> teams, Presence presence, int load,
                           int capacity) {
    }

    /** Move a ticket to an agent or to a queue: exactly one of the two. */
    public record TransferInput(UUID ticketId, String agentId, String queueId) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    @RestClient
    RoutingServiceClient routing;

    @Inject
    @RestClient
    TicketServiceClient ticketService;

    @Inject
    SlaAtRisk slaAtRisk;

    @Inject
    MentionRate mentionRate;

    @GET
    public Uni<FloorView> floor(@QueryParam("minutes") @DefaultValue("30") int minutes) {
        String authorization = currentUser.authorization();
        Instant asOf = Instant.now();
        Uni<List<QueueRow>> queues = routing.queues(authorization).flatMap(all -> slaAtRisk.byQueue(authorization, all)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("ticket-service gave no SLA risk for the floor: %s", e.getClass().getSimpleName());
                    return null;
                })
                .map(risk -> all.stream().map(q -> row(q, risk, asOf)).toList()));
        Uni<List<AgentRow>> agents = routing.agents(authorization)
                .map(all -> all.stream().map(FloorResource::row).toList());
        Uni<List<TicketSummary>> tickets = ticketService
                .search(authorization, AssignedTickets.WORKING_STATUSES, null, null, null, TicketServiceClient.MAX_PAGE)
                .map(TicketPage::items)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("ticket-service listed no tickets for the floor: %s", e.getClass().getSimpleName());
                    return null;
                });
        return Uni.combine().all().unis(queues, agents, tickets).asTuple()
                .map(all -> new FloorView(all.getItem1(), all.getItem2(), all.getItem3(), mentionRate.chart(minutes)));
    }

    @GET
    @Path("/mentions")
    public MentionRate.Chart mentions(@QueryParam("minutes") @DefaultValue("30") int minutes) {
        return mentionRate.chart(minutes);
    }

    /** Where the ticket is now, as routing-service answers the transfer. */
    @POST
    @Path("/transfers")
    public Uni<TicketPlace> transfer(TransferInput input) {
        if (input == null || input.ticketId() == null || blank(input.agentId()) == blank(input.queueId())) {
            throw new BadRequestException("Give the ticketId and either an agentId or a queueId.");
        }
        return routing.transfer(currentUser.authorization(), input.ticketId(),
                new TransferRequest(blank(input.agentId()) ? null : input.agentId(), blank(input.queueId()) ? null : input.queueId()));
    }

    private static QueueRow row(QueueStatus q, Map<String, Integer> risk, Instant asOf) {
        return new QueueRow(q.id(), q.name(), q.team(), q.depth(),
                q.oldestWaitSeconds() == null ? null : asOf.minusSeconds(q.oldestWaitSeconds()),
                risk == null ? null : risk.getOrDefault(q.id(), 0), q.waitingByPriority(), q.agentsOnline());
    }

    private static AgentRow row(RoutingAgent a) {
        return new AgentRow(a.id(), a.displayName() == null ? a.username() : a.displayName(), a.teams(), a.presence(),
                a.load(), a.capacity());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
