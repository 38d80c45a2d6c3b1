package io.switchboard.gateway.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.gateway.downstream.TicketDetail;
import io.switchboard.gateway.downstream.TicketSummary;

/**
 * A ticket as the app shows it in the inbox, at the top of the ticket screen and in the customer's
 * other tickets. Built from ticket-service's detail (everything) or from its list entry, which has no
 * next statuses (empty) and, in a customer's list, no customer names, SLA or SLA due time (null).
 *
 * @param customer handle and display name are customer text: render as text only
 * @param summary from triage's redacted text (customer text)
 * @param slaDueAt when the first running SLA clock breaches (in the past once breached); null when none runs
 * @param sla ON_TRACK, AT_RISK, BREACHED or NONE as ticket-service's list says it; null from a detail
 * @param version what a status change names so it never overwrites another change
 */
public record TicketCard(UUID id, String reference, Channel channel, TicketStatus status, List<TicketStatus> nextStatuses,
                         Priority priority, String language, Intent intent, Sentiment.Label sentiment, String team,
                         String assigneeId, CustomerRef customer, String summary, Instant slaDueAt, String sla,
                         Instant createdAt, Instant updatedAt, List<String> tags, Visibility visibility, long version) {

    /** The customer as the ticket names them. */
    public record CustomerRef(UUID customerId, String handle, String displayName) {
    }

    public static TicketCard of(TicketDetail t) {
        TicketDetail.Customer c = t.customer();
        return new TicketCard(t.id(), t.reference(), t.channel(), t.status(), t.nextStatuses(), t.priority(), t.language(),
                t.intent(), t.sentiment(), t.team(), t.assigneeId(),
                c == null ? null : new CustomerRef(c.id(), c.handle(), c.displayName()), t.summary(), t.slaDueAt(), null,
                t.createdAt(), t.updatedAt(), t.tags(), t.visibility(), t.version());
    }

    public static TicketCard of(TicketSummary t) {
        return new TicketCard(t.id(), t.reference(), t.channel(), t.status(), List.of(), t.priority(), t.language(),
                t.intent(), t.sentiment(), t.team(), t.assigneeId(),
                t.customerId() == null ? null : new CustomerRef(t.customerId(), t.customerHandle(), t.customerName()),
                t.summary(), t.slaDueAt(), t.sla(), t.createdAt(), t.updatedAt(), t.tags(), t.visibility(), t.version());
    }
}
