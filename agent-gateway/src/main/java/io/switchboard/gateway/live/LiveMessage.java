package io.switchboard.gateway.live;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One push to a browser: what happened ({@code type}), the event it comes from (its id lets the app
 * drop a duplicate), the ticket it is about, and the details the app shows. Types:
 * {@code hello}, {@code assignment}, {@code release}, {@code queued}, {@code ticket-opened},
 * {@code message}, {@code delivery}, {@code sla-warning}, {@code sla-breached}, {@code ticket-changed},
 * {@code customer-erased}, {@code mentions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveMessage(String type, UUID eventId, Instant occurredAt, UUID ticketId, Object data) {
}
