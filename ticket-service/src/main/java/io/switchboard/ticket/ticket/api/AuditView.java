package io.switchboard.ticket.ticket.api;

import java.time.Instant;

import io.switchboard.events.Actor;

/** One line of a ticket's audit trail. */
public record AuditView(String action, Actor.Kind actorKind, String actorId, String detail, Instant occurredAt) {
}
