package io.switchboard.events.ticket;

import io.switchboard.events.Actor;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's tags changed. {@code tags} is the complete set afterwards, so a consumer can simply
 * replace its copy; {@code added} and {@code removed} are for the timeline.
 */
@EventType(value = "switchboard.ticket.tags.changed", version = 1)
public record TicketTagsChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        List<String> added,
        List<String> removed,
        List<String> tags,
        Actor actor) implements SwitchboardEvent {

    public TicketTagsChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(ticketId, "ticketId");
        added = Require.list(added, "added");
        removed = Require.list(removed, "removed");
        tags = Require.list(tags, "tags");
        Require.present(actor, "actor");
    }

    public static TicketTagsChanged of(UUID ticketId, List<String> added, List<String> removed, List<String> tags, Actor actor) {
        return new TicketTagsChanged(SwitchboardEvent.newEventId(), SwitchboardEvent.now(), ticketId, added, removed, tags, actor);
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
