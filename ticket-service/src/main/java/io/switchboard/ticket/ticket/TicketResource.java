package io.switchboard.ticket.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.kit.security.Roles;
import io.switchboard.ticket.audit.AuditRepository;
import io.switchboard.ticket.infra.security.Callers;
import io.switchboard.ticket.reply.Replies;
import io.switchboard.ticket.search.Cursor;
import io.switchboard.ticket.search.SearchCriteria;
import io.switchboard.ticket.search.TicketSearch;
import io.switchboard.ticket.thread.MentionLimits;
import io.switchboard.ticket.ticket.api.AuditView;
import io.switchboard.ticket.ticket.api.Page;
import io.switchboard.ticket.ticket.api.Requests;
import io.switchboard.ticket.ticket.api.TicketDetail;
import io.switchboard.ticket.ticket.api.TicketSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Tickets for agents, supervisors and admins. A ticket outside the caller's teams answers 404.
 * Every change answers with the ticket as it now is (including its new {@code version}).
 */
@Path("/api/v1/tickets")
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
public class TicketResource {

    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY = 200;

    @Inject
    Callers callers;

    @Inject
    TicketSearch search;

    @Inject
    TicketAccess access;

    @Inject
    TicketViews views;

    @Inject
    TicketCommands commands;

    @Inject
    Replies replies;

    @Inject
    TicketMerger merger;

    @Inject
    AuditRepository audit;

    /**
     * Search, newest first. Filters combine with AND; {@code status} and {@code priority} may be
     * repeated (any of them); {@code q} matches message texts, summaries and references.
     */
    @GET
    public Uni<Page<TicketSummary>> search(@QueryParam("status") List<String> statuses,
            @QueryParam("assignee") String assignee, @QueryParam("team") String team,
            @QueryParam("channel") String channel, @QueryParam("priority") List<String> priorities,
            @QueryParam("sla") String sla, @QueryParam("tag") String tag, @QueryParam("q") String q,
            @QueryParam("customer") String customer, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("25") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        SearchCriteria criteria = new SearchCriteria(
                parseAll(statuses, TicketStatus.class, "status"), blankToNull(assignee), blankToNull(team),
                channel == null || channel.isBlank() ? null : parse(channel, Channel.class, "channel"),
                parseAll(priorities, Priority.class, "priority"),
                sla == null || sla.isBlank() ? null : slaState(sla), tag == null || tag.isBlank() ? null : tag.strip(),
                text(q), customer == null || customer.isBlank() ? null : uuid(customer, "customer"),
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor), limit);
        return search.search(criteria, callers.scope());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<TicketDetail> get(@PathParam("id") UUID id) {
        return access.visible(id, callers.scope()).chain(views::detail);
    }

    /** Who changed what on the ticket, oldest first. */
    @GET
    @Path("/{id}/audit")
    @WithSession
    public Uni<List<AuditView>> audit(@PathParam("id") UUID id) {
        return access.visible(id, callers.scope()).chain(ticket -> audit.ofTicket(ticket.id)).map(entries -> entries
                .stream().map(e -> new AuditView(e.action, e.actorKind, e.actorId, e.detail, e.occurredAt)).toList());
    }

    /** Answer the customer on the ticket's channel; refused with 422 when the channel would not take it as written. */
    @POST
    @Path("/{id}/replies")
    public Uni<TicketDetail> reply(@PathParam("id") UUID id, Requests.Reply request) {
        return replies.reply(id, body(request), callers.scope());
    }

    /** A note for colleagues; it never leaves Switchboard. */
    @POST
    @Path("/{id}/notes")
    public Uni<TicketDetail> note(@PathParam("id") UUID id, Requests.Note request) {
        return commands.addNote(id, body(request), callers.scope());
    }

    /** Move the ticket through its lifecycle; an invalid transition answers 409. */
    @PUT
    @Path("/{id}/status")
    public Uni<TicketDetail> status(@PathParam("id") UUID id, Requests.StatusChange request) {
        return commands.changeStatus(id, body(request), callers.scope());
    }

    @PUT
    @Path("/{id}/priority")
    public Uni<TicketDetail> priority(@PathParam("id") UUID id, Requests.PriorityChange request) {
        return commands.changePriority(id, body(request), callers.scope());
    }

    @PUT
    @Path("/{id}/tags")
    public Uni<TicketDetail> tags(@PathParam("id") UUID id, Requests.TagsChange request) {
        return commands.replaceTags(id, body(request), callers.scope());
    }

    /** Move the conversation between public and private (e.g. to keep personal data out of view). */
    @PUT
    @Path("/{id}/visibility")
    public Uni<TicketDetail> visibility(@PathParam("id") UUID id, Requests.VisibilityChange request) {
        return commands.changeVisibility(id, body(request), callers.scope());
    }

    /** Merge this ticket into another; answers with the other ticket, which now holds both conversations. */
    @POST
    @Path("/{id}/merge")
    public Uni<TicketDetail> merge(@PathParam("id") UUID id, Requests.Merge request) {
        return merger.merge(id, body(request), callers.scope());
    }

    private static <T> T body(T request) {
        if (request == null) {
            throw new BadRequestException("A JSON body is required.");
        }
        return request;
    }

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = MentionLimits.storable(q.strip()); // searched as stored: U+0000 is kept as U+FFFD
        if (text.codePointCount(0, text.length()) > MAX_QUERY) {
            throw new BadRequestException("'q' is longer than " + MAX_QUERY + " characters.");
        }
        return text.isEmpty() ? null : text;
    }

    private static String slaState(String value) {
        String state = value.strip().toUpperCase(Locale.ROOT);
        if (!List.of("ON_TRACK", "AT_RISK", "BREACHED", "NONE").contains(state)) {
            throw new BadRequestException("'sla' must be one of ON_TRACK, AT_RISK, BREACHED, NONE.");
        }
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + name + "' must be a UUID.");
        }
    }

    private static <E extends Enum<E>> List<E> parseAll(List<String> values, Class<E> type, String name) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parsed.add(parse(part, type, name));
                    }
                }
            }
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ".");
        }
    }
}
