package io.switchboard.ticket.ticket.api;

import java.util.List;
import java.util.UUID;

import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;

/**
 * The bodies of the ticket commands. {@code version} is the ticket version the caller last saw:
 * when given and the ticket has changed since, the command is refused with 409 instead of
 * overwriting someone else's change.
 */
public final class Requests {

    private Requests() {
    }

    /** @param reason free text for the timeline, optional */
    public record StatusChange(TicketStatus status, String reason, Long version) {
    }

    public record PriorityChange(Priority priority, String reason, Long version) {
    }

    /** The complete set of tags afterwards. */
    public record TagsChange(List<String> tags, Long version) {
    }

    public record VisibilityChange(Visibility visibility, Long version) {
    }

    public record Note(String text, Long version) {
    }

    /**
     * @param visibility PUBLIC or PRIVATE; absent: the ticket's current visibility
     * @param status where the ticket goes after the reply (e.g. PENDING_CUSTOMER, RESOLVED); absent:
     *     a NEW or REOPENED ticket becomes OPEN, others stay
     */
    public record Reply(String text, Visibility visibility, TicketStatus status, Long version) {
    }

    /** Merge this ticket into {@code into}. */
    public record Merge(UUID into, Long version) {
    }
}
