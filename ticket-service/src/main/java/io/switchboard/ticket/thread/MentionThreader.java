package io.switchboard.ticket.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.ticket.customer.CustomerIdentities;
import io.switchboard.ticket.customer.CustomerIdentity;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.sla.TicketClocks;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketRepository;
import io.switchboard.ticket.ticket.TicketEvents;
import io.switchboard.ticket.ticket.TicketLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Threads mentions into tickets: a reply in a known conversation joins that conversation's ticket;
 * a customer's new post joins their active ticket on the channel within the join window; a message
 * on a resolved ticket reopens it within the reopen period, after that it opens a new ticket linked
 * to the old one; otherwise a ticket opens. Mentions triage found not actionable are counted, not
 * ticketed, unless they continue an active ticket or a rule says otherwise.
 *
 * <p>A whole batch is threaded in the caller's transaction with a fixed number of queries (what it
 * needs is loaded up front) and batched inserts. Decisions use the mention's {@code acceptedAt},
 * not the wall clock, so a consumer catching up on lag decides as it would have on time.
 */
@ApplicationScoped
public class MentionThreader {

    @Inject
    TicketRepository tickets;

    @Inject
    ThreadingLoader loader;

    @Inject
    CustomerIdentities customers;

    @Inject
    MentionRules rules;

    @Inject
    ThreadingConfig config;

    @Inject
    Clock clock;

    @Inject
    CustomerMessages customerMessages;

    @Inject
    SlaClocks slaClocks;

    /** Threads the mentions in order, inside the caller's transaction. */
    public Uni<ThreadingOutcome> thread(List<MentionReceived> mentions) {
        Instant now = ClockProducer.now(clock);
        return loader.load(mentions).chain(state -> {
            Changes changes = new Changes(now);
            ThreadingOutcome outcome = new ThreadingOutcome();
            List<Ticket> opened = new ArrayList<>();
            for (MentionReceived mention : mentions) {
                threadOne(mention, state, changes, outcome, opened);
            }
            return tickets.nextReferenceNumbers(opened.size())
                    .invoke(numbers -> {
                        for (int i = 0; i < opened.size(); i++) {
                            opened.get(i).reference = Ticket.referenceOf(numbers.get(i));
                        }
                    })
                    .chain(() -> Panache.getSession())
                    // Threading writes many rows of few kinds: batched inserts (Changes).
                    .chain(changes::writeBatched)
                    .replaceWith(outcome.withEvents(changes.hasEvents()));
        });
    }

    private void threadOne(MentionReceived mention, ThreadingState state, Changes changes, ThreadingOutcome outcome,
            List<Ticket> opened) {
        if (!state.recordedMentions.add(mention.mentionId())) {
            outcome.duplicate(mention);
            return;
        }
        Instant accepted = mention.acceptedAt();
        String key = CustomerIdentity.keyOf(mention.channel(), mention.author().platformId());
        CustomerIdentity identity = state.identities.get(key);
        Conversation conversation = state.conversations.get(mention.conversationKey());
        Ticket previous = conversation == null ? null : state.surviving(state.tickets.get(conversation.ticketId));

        Ticket target = null;
        if (previous != null && (previous.isActive() || reopenable(previous, accepted))) {
            target = previous;
        } else if (identity != null) {
            target = joinable(state.latestActive(identity.customerId, mention.channel()), accepted);
        }

        String ignoreReason = rules.ignoreReason(mention);
        if (ignoreReason != null && (target == null || !target.isActive() || IgnoredMention.SPAM.equals(ignoreReason))) {
            changes.row(ignored(mention, ignoreReason, changes.at()));
            outcome.ignored(mention, ignoreReason);
            return;
        }

        if (identity == null) {
            identity = customers.create(mention, changes);
            state.identities.put(key, identity);
        } else {
            CustomerIdentities.refresh(identity, mention.author(), changes.at());
        }
        Actor customer = Actor.customer(identity.customerId);

        if (target == null) {
            target = open(mention, identity, previous, state, changes);
            opened.add(target);
            state.addTicket(target);
            outcome.opened(mention, target);
        } else if (target.status == TicketStatus.RESOLVED) {
            changeStatus(target, TicketStatus.REOPENED, customer, "the customer wrote again", state, accepted, changes);
            outcome.reopened(mention, target);
        } else {
            outcome.joined(mention, target);
        }
        link(mention, target, conversation, state, changes);

        customerMessages.add(target, mention, identity, changes);
        TicketStatus next = TicketLifecycle.onCustomerMessage(target.status);
        if (next != null) {
            changeStatus(target, next, customer, "the customer answered", state, accepted, changes);
        }
        slaClocks.customerWrote(state.clocks.get(target.id), target, accepted, changes);
        state.addActive(target);
    }

    private boolean reopenable(Ticket ticket, Instant accepted) {
        return ticket.status == TicketStatus.RESOLVED && ticket.resolvedAt != null
                && !accepted.isAfter(ticket.resolvedAt.plus(config.reopenPeriod()));
    }

    private Ticket joinable(Ticket active, Instant accepted) {
        if (active == null) {
            return null;
        }
        Instant lastHeard = active.lastCustomerMessageAt != null ? active.lastCustomerMessageAt : active.createdAt;
        return accepted.isAfter(lastHeard.plus(config.joinWindow())) ? null : active;
    }

    private Ticket open(MentionReceived mention, CustomerIdentity identity, Ticket previous, ThreadingState state,
            Changes changes) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.channel = mention.channel();
        ticket.brandAccount = mention.brandAccount();
        ticket.conversationId = mention.conversationId();
        ticket.visibility = mention.visibility();
        ticket.customerId = identity.customerId;
        ticket.summary = MentionRules.summary(mention);
        ticket.language = MentionLimits.language(
                mention.triage().language() != null ? mention.triage().language() : mention.language());
        ticket.intent = mention.triage().intent();
        ticket.sentiment = mention.triage().sentiment().label();
        ticket.sentimentScore = mention.triage().sentiment().score();
        ticket.priority = rules.priority(mention.triage());
        ticket.team = rules.team(mention.brandAccount());
        ticket.status = TicketStatus.NEW;
        ticket.previousTicketId = previous == null ? null : previous.id;
        ticket.firstMentionId = mention.mentionId();
        ticket.createdAt = changes.at();
        ticket.updatedAt = changes.at();
        changes.ticket(ticket);
        TicketClocks clocks = slaClocks.none(ticket.id);
        state.clocks.put(ticket.id, clocks);
        Instant firstResponseDue = slaClocks.opened(clocks, ticket, mention.acceptedAt(), changes);

        Customer shown = new Customer(identity.customerId, identity.handle, identity.displayName, identity.followerCount);
        String previousAgent = previous == null ? null : previous.assigneeId;
        changes.eventLater(() -> TicketEvents.opened(ticket, shown, previousAgent, firstResponseDue));
        changes.audit(ticket.id, identity.customerId, Actor.customer(identity.customerId), "TICKET_OPENED",
                "from mention " + mention.mentionId()
                        + (previous == null ? "" : ", follows ticket " + previous.id)
                        + ", priority " + ticket.priority + ", team " + ticket.team);
        return ticket;
    }

    /** The conversation now belongs to the target ticket. */
    private static void link(MentionReceived mention, Ticket target, Conversation conversation, ThreadingState state,
            Changes changes) {
        if (conversation == null) {
            Conversation created = Conversation.of(mention.conversationKey(), target.id, changes.at());
            state.conversations.put(created.conversationKey, created);
            changes.row(created);
        } else if (!conversation.ticketId.equals(target.id)) {
            conversation.ticketId = target.id;
            conversation.updatedAt = changes.at();
        }
    }

    private void changeStatus(Ticket ticket, TicketStatus to, Actor actor, String reason, ThreadingState state,
            Instant accepted, Changes changes) {
        TicketStatus from = ticket.moveTo(to, changes.at());
        slaClocks.statusChanged(state.clocks.get(ticket.id), ticket, from, to, accepted, changes);
        changes.event(new TicketStatusChanged(SwitchboardEvent.newEventId(), changes.at(),
                ticket.id, from, to, actor, reason));
        changes.audit(ticket.id, ticket.customerId, actor, "STATUS_CHANGED", from + " -> " + to + " (" + reason + ")");
    }

    private static IgnoredMention ignored(MentionReceived mention, String reason, Instant at) {
        IgnoredMention ignored = new IgnoredMention();
        ignored.mentionId = mention.mentionId();
        ignored.channel = mention.channel();
        ignored.brandAccount = mention.brandAccount();
        ignored.intent = mention.triage().intent();
        ignored.reason = reason;
        ignored.acceptedAt = mention.acceptedAt();
        ignored.recordedAt = at;
        return ignored;
    }
}
