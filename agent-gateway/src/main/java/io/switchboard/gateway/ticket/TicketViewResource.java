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
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.gateway.canned.CannedResponseRepository;
import io.switchboard.gateway.canned.CannedResponseResource.CannedResponseView;
import io.switchboard.gateway.downstream.CustomerProfile;
import io.switchboard.gateway.downstream.NoteRequest;
import io.switchboard.gateway.downstream.ReplyRequest;
import io.switchboard.gateway.downstream.StatusChange;
import io.switchboard.gateway.downstream.TicketDetail;
import io.switchboard.gateway.downstream.TicketServiceClient;
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
 * ticket (an agent of another team gets 404) and whether a reply may go out as written (422 with the
 * reason, where the personal data is and the offer to answer privately); the gateway composes.
 */
@Path("/api/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketViewResource {

    /** The statuses an agent sets from the app; the others are ticket-service's to set. */
    static final Set<TicketStatus> AGENT_STATUSES = Set.of(TicketStatus.RESOLVED, TicketStatus.PENDING_CUSTOMER,
            TicketStatus.OPEN);

    private static final Logger LOG = Logger.getLogger(TicketViewResource.class);

    /** @param visibility null: the ticket's own visibility */
    public record ReplyInput(String text, Visibility visibility) {
    }

    public record NoteInput(String text) {
    }

    /** @param version the ticket version the agent saw; a newer one answers 409 stale-version */
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
            directory.team(ticketId, detail.team());
            Uni<CustomerProfile> customer = customerOf(authorization, detail);
            Uni<List<CannedResponseView>> library = cannedResponses.visibleTo(user).map(all -> all.stream()
                    .filter(c -> detail.team() == null || c.team.equals(detail.team()))
                    .map(CannedResponseView::of).toList());
            return Uni.combine().all().unis(customer, library).asTuple().map(both -> {
                CustomerProfile profile = both.getItem1();
                List<TicketCard> others = profile == null ? List.of() : profile.tickets().stream()
                        .filter(t -> !ticketId.equals(t.id()))
                        .map(TicketCard::of)
                        .sorted(Comparator.comparing(TicketCard::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList();
                List<TicketView.CustomerChannel> channels = profile == null ? List.of() : profile.identities().stream()
                        .map(i -> new TicketView.CustomerChannel(i.channel(), i.handle())).toList();
                TicketView.Composer composer = new TicketView.Composer(
                        ChannelLimits.maxLength(detail.channel(), Visibility.PUBLIC),
                        ChannelLimits.maxLength(detail.channel(), Visibility.PRIVATE),
                        signatures.forAgent(detail.channel(), user.displayName()), both.getItem2());
                return new TicketView(TicketCard.of(detail), detail.messages().stream().map(ThreadMessage::of).toList(),
                        channels, others, composer);
            });
        });
    }

    @POST
    @Path("/replies")
    @ResponseStatus(201)
    @RolesAllowed(Roles.AGENT)
    public Uni<TicketView.Update> reply(@PathParam("id") UUID ticketId, ReplyInput input) {
        String text = requiredText(input == null ? null : input.text(), "A reply needs some text.");
        SignedInUser user = currentUser.get();
        return tickets.reply(currentUser.authorization(), ticketId, new ReplyRequest(text, input.visibility(), null, null))
                .map(detail -> update(detail, MessageAdded.Kind.AGENT_REPLY, user));
    }

    @POST
    @Path("/notes")
    @ResponseStatus(201)
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    public Uni<TicketView.Update> note(@PathParam("id") UUID ticketId, NoteInput input) {
        String text = requiredText(input == null ? null : input.text(), "A note needs some text.");
        SignedInUser user = currentUser.get();
        return tickets.note(currentUser.authorization(), ticketId, new NoteRequest(text, null))
                .map(detail -> update(detail, MessageAdded.Kind.INTERNAL_NOTE, user));
    }

    @POST
    @Path("/status")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    public Uni<TicketCard> status(@PathParam("id") UUID ticketId, StatusInput input) {
        if (input == null || input.status() == null || !AGENT_STATUSES.contains(input.status())) {
            throw new BadRequestException("status must be one of " + AGENT_STATUSES + ".");
        }
        return tickets.changeStatus(currentUser.authorization(), ticketId,
                new StatusChange(input.status(), null, input.version())).map(TicketCard::of);
    }

    private static String requiredText(String text, String refusal) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(refusal);
        }
        return text;
    }

    /**
     * The ticket as ticket-service answered the change, and the message just written: the newest of
     * that kind by this user (ticket-service answers with the whole ticket, not the new message).
     */
    private static TicketView.Update update(TicketDetail detail, MessageAdded.Kind kind, SignedInUser user) {
        ThreadMessage written = detail.messages().stream()
                .filter(m -> m.kind() == kind && user.subject().equals(m.authorId()))
                .max(Comparator.comparing(TicketDetail.Message::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ThreadMessage::of).orElse(null);
        return new TicketView.Update(TicketCard.of(detail), written);
    }

    /** The customer's profile; the ticket screen still works without it. */
    private Uni<CustomerProfile> customerOf(String authorization, TicketDetail ticket) {
        if (ticket.customer() == null || ticket.customer().id() == null) {
            return Uni.createFrom().nullItem();
        }
        return tickets.customer(authorization, ticket.customer().id()).onFailure().recoverWithItem(e -> {
            LOG.debugf("no customer profile for a ticket view: %s", e.getClass().getSimpleName());
            return null;
        });
    }
}
