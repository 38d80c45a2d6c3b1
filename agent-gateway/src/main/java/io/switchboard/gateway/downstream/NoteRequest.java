package io.switchboard.gateway.downstream;

/**
 * An internal note ({@code POST /api/v1/tickets/{id}/notes}); it never leaves Switchboard.
 *
 * @param version the version the author saw; null: no check
 */
public record NoteRequest(String text, Long version) {
}
