package io.switchboard.gateway.ticket;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.gateway.canned.CannedResponseRepository;
import io.switchboard.gateway.canned.CannedResponseResource.CannedResponseView;
import io.switchboard.gateway.downstream.CustomerProfile;
import io.switchboard.gateway.downstream.NoteRequest;
import io.switchboard.gateway.downstream.ReplyRequest;
import io.switchboard.gateway.downstream.StatusChange;
import io.switchboard.gateway.downstream.TicketDetail;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.downstream.TicketSummary;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.gateway.live.TicketDirectory;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The ticket screen and the agent's actions on it. ticket-service decides who may see and change a
 * ticket (an agent of another team gets 404); the gateway composes and checks what the agent typed
 * against the channel before it goes anywhere.
 */
@Path("/api/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketViewResource {

    static final int MAX_NOTE = 10_000;
    /** The statuses an agent sets from the app; the others are ticket-service's to set. */
    static final Set<TicketStatus> AGENT_STATUSES = Set.of(TicketStatus.RESOLVED, TicketStatus.PENDING_CUSTOMER,
            TicketStatus.OPEN);

    private static final Logger LOG = Logger.getLogger(TicketViewResource.class);

    public record ReplyInput(String text, Visibility visibility) {
    }

    public record NoteInput(String text) {
    }

    public record StatusInput(TicketStatus status, Long version) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    @RestClient
    TicketServiceClient tickets;

    @Inject
    CannedResponseRepository cannedResponses;

    @Inject
    Signatures signatures;

    @Inject
    TicketDirectory directory;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @WithSession
    public Uni<TicketView> view(@PathParam("id") UUID ticketId) {
        SignedInUser user = currentUser.get();
        String authorization = currentUser.authorization();
        return tickets.ticket(authorization, ticketId).flatMap(detail -> {
            TicketSummary ticket = detail.ticket();
            directory.team(ticketId, ticket.team());
            Uni<CustomerProfile> customer = customerOf(authorization, ticket);
            Uni<List<CannedResponseView>> library = cannedResponses.visibleTo(user).map(all -> all.stream()
                    .filter(c -> ticket.team() == null || c.team.equals(ticket.team()))
                    .map(CannedResponseView::of).toList());
            return Uni.combine().all().unis(customer, library).asTuple().map(both -> {
                CustomerProfile profile = both.getItem1();
                List<TicketSummary> others = profile == null ? List.of() : profile.tickets().stream()
                        .filter(t -> !ticketId.equals(t.id()))
                        .sorted(Comparator.comparing(TicketSummary::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList();
                TicketView.Composer composer = new TicketView.Composer(
                        ChannelLimits.maxLength(ticket.channel(), Visibility.PUBLIC),
                        ChannelLimits.maxLength(ticket.channel(), Visibility.PRIVATE),
                        signatures.forAgent(ticket.channel(), user.displayName()), both.getItem2());
                return new TicketView(ticket, detail.messages(), profile == null ? List.of() : profile.identities(),
                        others, composer);
            });
        });
    }

    @POST
    @Path("/replies")
    @ResponseStatus(201)
    @RolesAllowed(Roles.AGENT)
    public Uni<TicketDetail.Message> reply(@PathParam("id") UUID ticketId, ReplyInput input) {
        if (input == null || input.text() == null || input.text().isBlank()) {
            throw new BadRequestException("A reply needs some text.");
        }
        Visibility visibility = input.visibility() == null ? Visibility.PUBLIC : input.visibility();
        String authorization = currentUser.authorization();
        // The limit depends on the ticket's channel, which only ticket-service knows.
        return tickets.ticket(authorization, ticketId).flatMap(detail -> {
            int limit = ChannelLimits.maxLength(detail.ticket().channel(), visibility);
            int length = ChannelLimits.length(input.text());
            if (length > limit) {
                throw new BadRequestException("The reply has " + length + " characters; a " + visibility.name().toLowerCase()
                        + " reply on " + detail.ticket().channel() + " takes at most " + limit + ".");
            }
            return tickets.reply(authorization, ticketId, new ReplyRequest(input.text(), visibility));
        });
    }

    @POST
    @Path("/notes")
    @ResponseStatus(201)
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    public Uni<TicketDetail.Message> note(@PathParam("id") UUID ticketId, NoteInput input) {
        if (input == null || input.text() == null || input.text().isBlank()) {
            throw new BadRequestException("A note needs some text.");
        }
        if (input.text().length() > MAX_NOTE) {
            throw new BadRequestException("A note is at most " + MAX_NOTE + " characters.");
        }
        return tickets.note(currentUser.authorization(), ticketId, new NoteRequest(input.text()));
    }

    @POST
    @Path("/status")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    public Uni<TicketSummary> status(@PathParam("id") UUID ticketId, StatusInput input) {
        if (input == null || input.status() == null || !AGENT_STATUSES.contains(input.status())) {
            throw new BadRequestException("status must be one of " + AGENT_STATUSES + ".");
        }
        return tickets.changeStatus(currentUser.authorization(), ticketId, new StatusChange(input.status(), input.version()));
    }

    /** The customer's profile; the ticket screen still works without it. */
    private Uni<CustomerProfile> customerOf(String authorization, TicketSummary ticket) {
        if (ticket.customer() == null || ticket.customer().customerId() == null) {
            return Uni.createFrom().nullItem();
        }
        return tickets.customer(authorization, ticket.customer().customerId()).onFailure().recoverWithItem(e -> {
            LOG.debugf("no customer profile for a ticket view: %s", e.getClass().getSimpleName());
            return null;
        });
    }
}
