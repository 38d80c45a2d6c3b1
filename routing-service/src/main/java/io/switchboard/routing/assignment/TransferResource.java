package io.switchboard.routing.assignment;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Caller;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.Requests;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.infra.Visibility;
import io.switchboard.routing.ticket.RoutedTicket;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A supervisor moves one of their teams' tickets to an agent or to a queue. */
@Path("/api/v1/tickets/{ticketId}/transfer")
public class TransferResource {

    /** Exactly one of the two. */
    public record TransferRequest(String agentId, String queueId) {
    }

    /** Where the ticket is now: with an agent (ASSIGNED) or waiting in a queue (WAITING). */
    public record TicketPlace(UUID ticketId, RoutedTicket.Status status, String queueId, String agentId) {
    }

    @Inject
    Routing routing;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<TicketPlace> transfer(@PathParam("ticketId") UUID ticketId, TransferRequest request) {
        if (request == null || (request.agentId() == null) == (request.queueId() == null)) {
            throw RoutingRejection.invalid("give either agentId or queueId");
        }
        var allowed = Visibility.teamsOf(Caller.from(token, identity.getRoles()), routing.teams());
        Uni<Void> move = request.agentId() != null
                ? routing.transfers().toAgent(ticketId, Requests.text(request.agentId(), "agentId", 255), allowed)
                : routing.transfers().toQueue(ticketId, Requests.name(request.queueId(), "queueId"), allowed);
        return move.flatMap(ignored -> routing.transactions().read(c -> routing.tickets().find(c, ticketId)
                .flatMap(ticket -> routing.assignments().active(c, ticketId).map(active -> new TicketPlace(ticketId,
                        ticket.orElseThrow().status(), ticket.get().queueId(),
                        active.map(Assignment::agentId).orElse(null))))));
    }
}
