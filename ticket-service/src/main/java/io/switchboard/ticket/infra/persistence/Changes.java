package io.switchboard.ticket.infra.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.ticket.audit.AuditEntry;
import io.switchboard.ticket.outbox.OutboxEvent;

/**
 * The rows one transaction adds: new entities, audit lines and outbox events. They are persisted
 * together, in an order that satisfies the foreign keys (customers, then tickets, then what hangs
 * off tickets). Entities that were loaded and changed are flushed by Hibernate itself.
 *
 * <p>{@link #writeBatched} sends the new rows of one kind as one batched statement, for the
 * transactions that write many (a poll of mentions or decisions). Only inserts are batched:
 * Hibernate Reactive 3.2.11 can miss a stale version in a batched UPDATE (the row is skipped, no
 * error, the transaction commits; TicketStoreTest), which lost routing's assignments to concurrent
 * mention batches in the fault suite. Updates of loaded entities go one statement each, where a
 * stale version fails the transaction as it must.
 */
public final class Changes {

    /** Rows per batched INSERT statement. */
    private static final int INSERT_BATCH = 100;

    private final Instant at;
    private final List<Object> parents = new ArrayList<>();
    private final List<Object> owners = new ArrayList<>();
    private final List<Object> tickets = new ArrayList<>();
    private final List<Object> dependents = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<Supplier<SwitchboardEvent>> events = new ArrayList<>();

    public Changes(Instant at) {
        this.at = at;
    }

    /** When the change happens; every row of the transaction carries the same instant. */
    public Instant at() {
        return at;
    }

    /** A new customer (the root of everything else). */
    public Changes customer(Object customer) {
        parents.add(customer);
        return this;
    }

    /** A new row that references a customer: an identity. */
    public Changes identity(Object identity) {
        owners.add(identity);
        return this;
    }

    public Changes ticket(Object ticket) {
        tickets.add(ticket);
        return this;
    }

    /**
     * A new row that may reference a customer or a ticket but no other new row of this kind: a message,
     * a conversation link, an SLA clock, an ignored mention, a processed-event mark.
     */
    public Changes row(Object row) {
        dependents.add(row);
        return this;
    }

    public Changes event(SwitchboardEvent event) {
        events.add(() -> event);
        return this;
    }

    /**
     * An event built when the changes are written, for events that carry something only known
     * then (a new ticket's reference, drawn for the whole batch at once). Order is kept.
     */
    public Changes eventLater(Supplier<SwitchboardEvent> event) {
        events.add(event);
        return this;
    }

    public Changes audit(UUID ticketId, UUID customerId, Actor actor, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.ticketId = ticketId;
        entry.customerId = customerId;
        entry.actorKind = actor.kind();
        entry.actorId = actor.id();
        entry.action = action;
        entry.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        entry.occurredAt = at;
        audit.add(entry);
        return this;
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }

    /** Persists every added row in foreign-key order and flushes, inside the caller's transaction. */
    public Uni<Void> writeTo(Mutiny.Session session) {
        List<Object> all = new ArrayList<>(parents.size() + owners.size() + tickets.size() + dependents.size()
                + audit.size() + events.size());
        all.addAll(parents);
        all.addAll(owners);
        all.addAll(tickets);
        all.addAll(byKind(dependents));
        all.addAll(audit);
        events.forEach(event -> all.add(OutboxEvent.of(event.get(), at)));
        Uni<Void> persisted = all.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(all.toArray());
        return persisted.chain(session::flush);
    }

    /**
     * {@link #writeTo} with the new rows as batched INSERTs: first the loaded entities' changes are
     * flushed unbatched (see the class comment), then the inserts are batched. A change may point at
     * a row inserted after it (a conversation moving to the ticket that opens for it): the schema's
     * references are checked at commit (migration V6).
     */
    public Uni<Void> writeBatched(Mutiny.Session session) {
        return session.flush().chain(() -> {
            session.setBatchSize(INSERT_BATCH);
            return writeTo(session);
        });
    }

    /**
     * The rows grouped by entity, in the order each kind first appears, each kind's rows in the order
     * added: a JDBC batch ends wherever the statement changes, and a batch of mentions adds a message,
     * a link and a clock per mention. Safe for the foreign keys: these rows reference customers and
     * tickets, never each other.
     */
    private static List<Object> byKind(List<Object> rows) {
        Map<Class<?>, List<Object>> kinds = new LinkedHashMap<>();
        rows.forEach(row -> kinds.computeIfAbsent(row.getClass(), kind -> new ArrayList<>()).add(row));
        List<Object> grouped = new ArrayList<>(rows.size());
        kinds.values().forEach(grouped::addAll);
        return grouped;
    }
}
