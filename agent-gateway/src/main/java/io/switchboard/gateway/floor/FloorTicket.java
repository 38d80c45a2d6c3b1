package io.switchboard.gateway.floor;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.gateway.downstream.TicketSummary;

/**
 * A ticket being worked in the supervisor's teams, as the floor lists it so the supervisor can pick
 * one to transfer (by reference and customer, never by typing an id).
 *
 * @param assigneeId null while it waits in a queue
 * @param summary triage's redacted text: customer text, render as text only
 * @param sla ON_TRACK, AT_RISK, BREACHED or NONE
 */
public record FloorTicket(UUID id, String reference, Channel channel, TicketStatus status, Priority priority, String team,
                          String assigneeId, String summary, String sla, Instant createdAt) {

    static FloorTicket of(TicketSummary t) {
        return new FloorTicket(t.id(), t.reference(), t.channel(), t.status(), t.priority(), t.team(), t.assigneeId(),
                t.summary(), t.sla(), t.createdAt());
    }
}
