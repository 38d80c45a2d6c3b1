package io.switchboard.ticket.ticket;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.switchboard.ticket.customer.CustomerIdentity;
import io.switchboard.ticket.customer.CustomerIdentityRepository;
import io.switchboard.ticket.customer.CustomerRepository;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.ticket.api.MessageView;
import io.switchboard.ticket.ticket.api.SlaClockView;
import io.switchboard.ticket.ticket.api.TicketDetail;
import io.switchboard.ticket.ticket.api.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tickets as the API shows them; entities never leave the service. */
@ApplicationScoped
public class TicketViews {

    @Inject
    MessageRepository messages;

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerIdentityRepository identities;

    @Inject
    SlaClocks slaClocks;

    /** The ticket with its customer, SLA clocks and conversation; inside a session. */
    public Uni<TicketDetail> detail(Ticket ticket) {
        return customers.findById(ticket.customerId).chain(customer -> identities.ofCustomer(ticket.customerId)
                .chain(ids -> slaClocks.views(ticket.id)
                        .chain(sla -> messages.conversationOf(ticket.id).map(conversation -> {
                            CustomerIdentity onChannel = ids.stream().filter(i -> i.channel == ticket.channel)
                                    .findFirst().orElse(null);
                            TicketDetail.Customer shown = new TicketDetail.Customer(ticket.customerId,
                                    customer == null ? null : customer.displayName,
                                    onChannel == null ? null : onChannel.handle,
                                    onChannel == null ? null : onChannel.followerCount);
                            return detail(ticket, shown, sla, conversation);
                        }))));
    }

    private static TicketDetail detail(Ticket t, TicketDetail.Customer customer, List<SlaClockView> sla,
            List<TicketMessage> conversation) {
        return new TicketDetail(t.id, t.reference, t.channel, t.brandAccount, t.conversationId, t.visibility, t.status,
                TicketLifecycle.next(t.status).stream().sorted().toList(), t.priority, t.team, t.queueId, t.assigneeId,
                t.summary, t.language, t.intent, t.sentiment == null ? null : t.sentiment.name(), t.tagList(), customer,
                t.previousTicketId, t.mergedIntoId, t.lastCustomerMessageAt, t.lastAgentReplyAt, t.resolvedAt,
                t.closedAt, t.createdAt, t.updatedAt, t.version, sla,
                conversation.stream().map(TicketViews::message).toList());
    }

    /** A ticket in a list beside its customer: who the customer is and the SLA are shown around it, not in it. */
    public static TicketSummary summary(Ticket t) {
        return new TicketSummary(t.id, t.reference, t.channel, t.status, t.priority, t.team, t.assigneeId,
                t.customerId, t.summary, t.tagList(), null, t.createdAt, t.updatedAt, t.version, t.language, t.intent,
                t.sentiment == null ? null : t.sentiment.name(), t.visibility, null, null, null);
    }

    public static MessageView message(TicketMessage m) {
        MessageView.Delivery delivery = m.deliveryState == null ? null
                : new MessageView.Delivery(m.deliveryState, m.externalPostId, m.deliveryDetail, m.deliveryChangedAt);
        return new MessageView(m.id, m.kind, m.authorId, m.authorName, m.text, m.visibility, m.externalId, m.replyId,
                delivery, m.mergedFromTicketId, m.postedAt, m.createdAt);
    }
}
