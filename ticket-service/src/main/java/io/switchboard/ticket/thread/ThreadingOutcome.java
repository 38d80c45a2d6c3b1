package io.switchboard.ticket.thread;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.ticket.ticket.Ticket;

/** What threading a batch did, for metrics and logs (ids and counts only, never text). */
public final class ThreadingOutcome {

    public enum Result {
        OPENED,
        JOINED,
        REOPENED,
        IGNORED,
        DUPLICATE
    }

    /** One mention's result; {@code ticketId} null when it was ignored or a duplicate. */
    public record Entry(UUID mentionId, Channel channel, Result result, UUID ticketId, String ignoreReason) {
    }

    private final Map<UUID, Entry> entries = new LinkedHashMap<>();
    private boolean events;

    void opened(MentionReceived mention, Ticket ticket) {
        put(mention, Result.OPENED, ticket.id, null);
    }

    void joined(MentionReceived mention, Ticket ticket) {
        put(mention, Result.JOINED, ticket.id, null);
    }

    void reopened(MentionReceived mention, Ticket ticket) {
        put(mention, Result.REOPENED, ticket.id, null);
    }

    void ignored(MentionReceived mention, String reason) {
        put(mention, Result.IGNORED, null, reason);
    }

    void duplicate(MentionReceived mention) {
        entries.putIfAbsent(mention.mentionId(), new Entry(mention.mentionId(), mention.channel(), Result.DUPLICATE, null, null));
    }

    private void put(MentionReceived mention, Result result, UUID ticketId, String reason) {
        entries.put(mention.mentionId(), new Entry(mention.mentionId(), mention.channel(), result, ticketId, reason));
    }

    ThreadingOutcome withEvents(boolean written) {
        this.events = written;
        return this;
    }

    /** Whether the transaction wrote outbox events (the relay has work). */
    public boolean wroteEvents() {
        return events;
    }

    public Iterable<Entry> entries() {
        return entries.values();
    }

    public long count(Result result) {
        return entries.values().stream().filter(e -> e.result() == result).count();
    }

    @Override
    public String toString() {
        return "opened=" + count(Result.OPENED) + " joined=" + count(Result.JOINED) + " reopened="
                + count(Result.REOPENED) + " ignored=" + count(Result.IGNORED) + " duplicates=" + count(Result.DUPLICATE);
    }
}
