package io.switchboard.gateway.downstream;

/** An internal note; it never leaves Switchboard. */
public record NoteRequest(String text) {
}
