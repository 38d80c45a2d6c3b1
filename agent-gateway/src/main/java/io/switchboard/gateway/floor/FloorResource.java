package io.switchboard.gateway.floor;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.downstream.AgentStatus;
import io.switchboard.gateway.downstream.QueueStatus;
import io.switchboard.gateway.downstream.RoutingServiceClient;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.downstream.TransferRequest;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The supervisor floor in one call (queues, agents, the mention chart) and the transfer action.
 * A supervisor sees and moves only their own teams' queues, agents and tickets; an admin all.
 */
@Path("/api/v1/floor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class FloorResource {

    public record FloorView(List<QueueStatus> queues, List<AgentStatus> agents, MentionRate.Chart mentions) {
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
    TicketServiceClient tickets;

    @Inject
    MentionRate mentionRate;

    @GET
    public Uni<FloorView> floor(@QueryParam("minutes") @DefaultValue("30") int minutes) {
        SignedInUser user = currentUser.get();
        String authorization = currentUser.authorization();
        Uni<List<QueueStatus>> queues = routing.queues(authorization)
                .map(all -> all.stream().filter(q -> q.team() == null || user.supervises(q.team())).toList());
        Uni<List<AgentStatus>> agents = routing.agents(authorization)
                .map(all -> all.stream().filter(a -> a.teams().stream().anyMatch(user::supervises)).toList());
        return Uni.combine().all().unis(queues, agents).asTuple()
                .map(both -> new FloorView(both.getItem1(), both.getItem2(), mentionRate.chart(minutes)));
    }

    @GET
    @Path("/mentions")
    public MentionRate.Chart mentions(@QueryParam("minutes") @DefaultValue("30") int minutes) {
        return mentionRate.chart(minutes);
    }

    @POST
    @Path("/transfers")
    public Uni<Response> transfer(TransferInput input) {
        if (input == null || input.ticketId() == null || (input.agentId() == null) == (input.queueId() == null)) {
            throw new BadRequestException("Give the ticketId and either an agentId or a queueId.");
        }
        SignedInUser user = currentUser.get();
        String authorization = currentUser.authorization();
        // ticket-service says whether the supervisor may see the ticket at all (404 if not) and whose team it is.
        return tickets.ticket(authorization, input.ticketId()).flatMap(detail -> {
            if (!user.supervises(detail.ticket().team())) {
                throw new ForbiddenException("The ticket belongs to a team you do not supervise.");
            }
            return routing.transfer(authorization, input.ticketId(), new TransferRequest(input.agentId(), input.queueId()));
        }).map(done -> Response.accepted().build());
    }
}
