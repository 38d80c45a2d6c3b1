package io.switchboard.gateway.inbox;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.downstream.AgentStatus;
import io.switchboard.gateway.downstream.RoutingServiceClient;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.downstream.TicketSummary;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.gateway.live.TicketDirectory;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The inbox screen in one call: my open tickets, most urgent first, and my load. */
@Path("/api/v1/inbox")
@RolesAllowed(Roles.AGENT)
public class InboxResource {

    /** The statuses of tickets an agent still has to work on. */
    static final String WORKING_STATUSES = "NEW,OPEN,REOPENED,PENDING_CUSTOMER";
    static final int MAX_TICKETS = 200;

    private static final Logger LOG = Logger.getLogger(InboxResource.class);

    /**
     * @param me my presence, load and capacity from routing-service; null when it could not say
     */
    public record InboxView(List<TicketSummary> tickets, AgentStatus me, Instant asOf) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    @RestClient
    TicketServiceClient tickets;

    @Inject
    @RestClient
    RoutingServiceClient routing;

    @Inject
    TicketDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxView> inbox() {
        SignedInUser user = currentUser.get();
        String authorization = currentUser.authorization();
        Uni<List<TicketSummary>> mine = tickets.ticketsAssignedTo(authorization, user.subject(), WORKING_STATUSES, MAX_TICKETS)
                .map(page -> page.items().stream()
                        .filter(t -> user.subject().equals(t.assigneeId()) || t.assigneeId() == null)
                        .sorted(InboxOrder.MOST_URGENT_FIRST)
                        .toList());
        // The inbox is still useful without the load figure: routing-service being down must not empty it.
        Uni<AgentStatus> me = routing.me(authorization).onFailure().recoverWithItem(e -> {
            LOG.debugf("routing-service gave no load for the inbox: %s", e.getClass().getSimpleName());
            return null;
        });
        return Uni.combine().all().unis(mine, me).asTuple().map(both -> {
            both.getItem1().forEach(t -> directory.assign(t.id(), user.subject(), t.team()));
            return new InboxView(both.getItem1(), both.getItem2(), Instant.now());
        });
    }
}
