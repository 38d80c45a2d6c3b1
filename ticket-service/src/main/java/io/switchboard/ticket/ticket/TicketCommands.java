package io.switchboard.ticket.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.events.ticket.TicketVisibilityChanged;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.reply.ChannelRules;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.thread.MentionLimits;
import io.switchboard.ticket.ticket.api.Requests;
import io.switchboard.ticket.ticket.api.TicketDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;

/** An agent's changes to a ticket: status, priority, tags, visibility and internal notes. */
@ApplicationScoped
public class TicketCommands {

    static final int MAX_TAGS = 20;
    static final int MAX_NOTE = 20_000;
    static final int MAX_REASON = 500;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]{0,49}");

    @Inject
    TicketChange change;

    @Inject
    SlaClocks slaClocks;

    public Uni<TicketDetail> changeStatus(UUID id, Requests.StatusChange request, Scope scope) {
        TicketStatus to = required(request.status(), "status");
        String reason = optionalText(request.reason(), MAX_REASON, "reason");
        return change.run(id, request.version(), scope, (ticket, clocks, changes) -> {
            TicketStatus from = ticket.moveTo(to, changes.at());
            slaClocks.statusChanged(clocks, ticket, from, to, changes.at(), changes);
            changes.event(new TicketStatusChanged(SwitchboardEvent.newEventId(), changes.at(), ticket.id, from, to,
                    scope.actor(), reason));
            changes.audit(ticket.id, ticket.customerId, scope.actor(), "STATUS_CHANGED", from + " -> " + to);
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketDetail> changePriority(UUID id, Requests.PriorityChange request, Scope scope) {
        Priority to = required(request.priority(), "priority");
        String reason = optionalText(request.reason(), MAX_REASON, "reason");
        return change.run(id, request.version(), scope, (ticket, clocks, changes) -> {
            Priority from = ticket.priority;
            if (from != to) {
                ticket.priority = to;
                ticket.touch(changes.at());
                slaClocks.priorityChanged(clocks, ticket);
                changes.event(TicketPriorityChanged.of(ticket.id, from, to, scope.actor(), reason));
                changes.audit(ticket.id, ticket.customerId, scope.actor(), "PRIORITY_CHANGED", from + " -> " + to);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketDetail> replaceTags(UUID id, Requests.TagsChange request, Scope scope) {
        List<String> tags = tags(required(request.tags(), "tags"));
        return change.run(id, request.version(), scope, (ticket, clocks, changes) -> {
            List<String> before = ticket.tagList();
            List<String> added = tags.stream().filter(tag -> !before.contains(tag)).toList();
            List<String> removed = before.stream().filter(tag -> !tags.contains(tag)).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                ticket.replaceTags(tags);
                ticket.touch(changes.at());
                changes.event(TicketTagsChanged.of(ticket.id, added, removed, ticket.tagList(), scope.actor()));
                changes.audit(ticket.id, ticket.customerId, scope.actor(), "TAGS_CHANGED",
                        "added " + added + ", removed " + removed);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketDetail> changeVisibility(UUID id, Requests.VisibilityChange request, Scope scope) {
        Visibility to = required(request.visibility(), "visibility");
        return change.run(id, request.version(), scope, (ticket, clocks, changes) -> {
            String refusal = ChannelRules.refusal(ticket.channel, to);
            if (refusal != null) {
                throw new TicketConflictException(refusal);
            }
            Visibility from = ticket.visibility;
            if (from != to) {
                ticket.visibility = to;
                ticket.touch(changes.at());
                changes.event(TicketVisibilityChanged.of(ticket.id, from, to, scope.actor()));
                changes.audit(ticket.id, ticket.customerId, scope.actor(), "VISIBILITY_CHANGED", from + " -> " + to);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketDetail> addNote(UUID id, Requests.Note request, Scope scope) {
        String text = requiredText(request.text(), MAX_NOTE, "text");
        return change.run(id, request.version(), scope, (ticket, clocks, changes) -> {
            TicketMessage note = new TicketMessage();
            note.id = UUID.randomUUID();
            note.ticketId = ticket.id;
            note.kind = MessageAdded.Kind.INTERNAL_NOTE;
            note.authorId = scope.subject();
            note.authorName = scope.displayName();
            note.text = text;
            note.createdAt = changes.at();
            ticket.touch(changes.at());
            changes.row(note).event(TicketEvents.added(note));
            changes.audit(ticket.id, ticket.customerId, scope.actor(), "NOTE_ADDED", "note " + note.id);
            return Uni.createFrom().voidItem();
        });
    }

    static List<String> tags(List<String> requested) {
        if (requested.size() > MAX_TAGS) {
            throw new BadRequestException("A ticket takes at most " + MAX_TAGS + " tags.");
        }
        List<String> tags = new ArrayList<>();
        for (String raw : requested) {
            String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                throw new BadRequestException("A tag is 1 to 50 letters, digits or . _ : - and starts with a letter"
                        + " or digit; one of the tags is not.");
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new BadRequestException("'" + field + "' is required.");
        }
        return value;
    }

    /** Non-blank text of at most {@code max} characters, storable as is. */
    public static String requiredText(String text, int max, String field) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("'" + field + "' is required and must not be blank.");
        }
        return optionalText(text, max, field);
    }

    public static String optionalText(String text, int max, String field) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            throw new BadRequestException("'" + field + "' is longer than " + max + " characters.");
        }
        return MentionLimits.storable(text);
    }
}
