package io.switchboard.ticket.reply;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.ticket.customer.CustomerIdentity;
import io.switchboard.ticket.customer.CustomerIdentityRepository;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.sla.TicketClocks;
import io.switchboard.ticket.ticket.MessageRepository;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketChange;
import io.switchboard.ticket.ticket.TicketCommands;
import io.switchboard.ticket.ticket.TicketConflictException;
import io.switchboard.ticket.ticket.TicketEvents;
import io.switchboard.ticket.ticket.TicketLifecycle;
import io.switchboard.ticket.ticket.TicketMessage;
import io.switchboard.ticket.ticket.api.Requests;
import io.switchboard.ticket.ticket.api.TicketDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An agent's reply to the customer, checked against the channel before it is accepted (a public
 * X reply takes 280 characters; a public reply holding personal data is refused with the offer to
 * answer privately), recorded as a message in PENDING delivery and handed to mention-service as
 * ReplyRequested through the outbox.
 */
@ApplicationScoped
public class Replies {

    static final int MAX_TEXT = 20_000;

    @Inject
    TicketChange change;

    @Inject
    MessageRepository messages;

    @Inject
    CustomerIdentityRepository identities;

    @Inject
    SlaClocks slaClocks;

    public Uni<TicketDetail> reply(UUID ticketId, Requests.Reply request, Scope scope) {
        String text = TicketCommands.requiredText(request.text(), MAX_TEXT, "text");
        return change.run(ticketId, request.version(), scope, (ticket, clocks, changes) -> {
            if (ticket.mergedIntoId != null) {
                throw new TicketConflictException("Ticket " + ticket.reference + " was merged into another ticket;"
                        + " reply on that one.");
            }
            if (ticket.status == TicketStatus.CLOSED) {
                throw new TicketConflictException("Ticket " + ticket.reference + " is closed and takes no replies.");
            }
            Visibility visibility = request.visibility() != null ? request.visibility() : ticket.visibility;
            check(ticket, visibility, text);
            if (request.status() != null) {
                TicketLifecycle.require(ticket.status, request.status()); // refuse before anything is written
            }
            return identities.ofCustomer(ticket.customerId)
                    .chain(ids -> messages.conversationOf(ticket.id).map(conversation -> {
                        CustomerIdentity recipient = ids.stream().filter(i -> i.channel == ticket.channel).findFirst()
                                .orElseThrow(() -> new TicketConflictException("The customer has no account on "
                                        + ticket.channel + " any more (erased or unlinked); this ticket cannot be answered."));
                        TicketMessage lastPost = conversation.stream()
                                .filter(m -> m.kind == MessageAdded.Kind.CUSTOMER && m.externalId != null)
                                .reduce((first, second) -> second).orElse(null);
                        record(ticket, clocks, changes, scope, text, visibility, recipient, lastPost, request.status());
                        return null;
                    }))
                    .replaceWithVoid();
        });
    }

    /** The channel's rules for this reply, personal data first: the private answer is the way out. */
    static void check(Ticket ticket, Visibility visibility, String text) {
        String refusal = ChannelRules.refusal(ticket.channel, visibility);
        if (refusal != null) {
            throw new ReplyRefusedException("visibility-not-available", refusal, List.of(), Visibility.PRIVATE);
        }
        if (visibility == Visibility.PUBLIC) {
            List<PiiFinding> findings = PersonalData.find(text);
            if (!findings.isEmpty()) {
                throw new ReplyRefusedException("personal-data-in-public-reply", "This public reply contains personal"
                        + " data (" + describe(findings) + ") and was not sent: everyone could read it. Answer privately"
                        + " instead (send it again with visibility PRIVATE), or remove the personal data.", findings,
                        Visibility.PRIVATE);
            }
        }
        ChannelRules.Limit limit = ChannelRules.limit(ticket.channel, visibility);
        int length = ChannelRules.length(ticket.channel, visibility, text);
        if (length > limit.max()) {
            boolean privateFits = visibility == Visibility.PUBLIC
                    && ChannelRules.length(ticket.channel, Visibility.PRIVATE, text)
                            <= ChannelRules.limit(ticket.channel, Visibility.PRIVATE).max();
            throw new ReplyRefusedException("reply-too-long", "This " + visibility.name().toLowerCase(Locale.ROOT)
                    + " reply on " + ticket.channel + " is " + length + " " + limit.unit() + " long; at most "
                    + limit.max() + " fit." + (privateFits ? " Shorten it, or answer privately." : " Shorten it."),
                    List.of(), privateFits ? Visibility.PRIVATE : null);
        }
    }

    private void record(Ticket ticket, TicketClocks clocks, Changes changes, Scope scope, String text,
            Visibility visibility, CustomerIdentity recipient, TicketMessage lastPost, TicketStatus requestedStatus) {
        if (visibility == Visibility.PUBLIC && lastPost == null) {
            throw new TicketConflictException("There is no customer post on " + ticket.channel
                    + " to answer publicly; answer privately.");
        }
        TicketMessage reply = new TicketMessage();
        reply.id = UUID.randomUUID();
        reply.ticketId = ticket.id;
        reply.kind = MessageAdded.Kind.AGENT_REPLY;
        reply.authorId = scope.subject();
        reply.authorName = scope.displayName();
        reply.text = text;
        reply.visibility = visibility;
        reply.replyId = UUID.randomUUID();
        reply.deliveryState = DeliveryState.PENDING;
        reply.conversationId = lastPost != null && lastPost.conversationId != null ? lastPost.conversationId
                : ticket.conversationId;
        reply.inReplyToExternalId = lastPost == null ? null : lastPost.externalId;
        reply.createdAt = changes.at();

        ticket.lastAgentReplyAt = changes.at();
        ticket.touch(changes.at());
        slaClocks.agentReplied(clocks, changes.at());

        changes.row(reply).event(TicketEvents.added(reply));
        changes.event(new ReplyRequested(SwitchboardEvent.newEventId(), changes.at(), reply.replyId, ticket.id, reply.id,
                ticket.channel, ticket.brandAccount, visibility, reply.conversationId,
                visibility == Visibility.PUBLIC ? reply.inReplyToExternalId : null,
                new ReplyRequested.Recipient(recipient.platformId, recipient.handle), text, scope.subject()));
        changes.audit(ticket.id, ticket.customerId, scope.actor(), "REPLY_REQUESTED",
                visibility + " reply " + reply.replyId + " (message " + reply.id + ")");

        TicketStatus to = requestedStatus != null ? requestedStatus : TicketLifecycle.onAgentReply(ticket.status);
        if (to != null && to != ticket.status) {
            TicketStatus from = ticket.moveTo(to, changes.at());
            slaClocks.statusChanged(clocks, ticket, from, to, changes.at(), changes);
            changes.event(new TicketStatusChanged(SwitchboardEvent.newEventId(), changes.at(), ticket.id, from, to,
                    scope.actor(), "agent replied"));
            changes.audit(ticket.id, ticket.customerId, scope.actor(), "STATUS_CHANGED", from + " -> " + to);
        }
    }

    private static String describe(List<PiiFinding> findings) {
        return findings.stream().map(f -> switch (f.type()) {
            case EMAIL -> "an e-mail address";
            case PHONE -> "a phone number";
            case PAYMENT_CARD -> "a payment card number";
            case IBAN -> "a bank account number";
            case NATIONAL_ID -> "a national id number";
            default -> "personal data";
        }).distinct().collect(Collectors.joining(", "));
    }
}
