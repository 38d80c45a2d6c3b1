package io.switchboard.ticket.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.ticket.audit.AuditEntry;
import io.switchboard.ticket.audit.AuditRepository;
import io.switchboard.ticket.customer.api.CustomerExport;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.outbox.OutboxRelay;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketRepository;
import io.switchboard.ticket.ticket.TicketViews;
import io.switchboard.ticket.ticket.api.AuditView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * GDPR requests about a customer. Export: everything held about them in one document. Erasure:
 * their personal data and content go from every table of this service (names and identities,
 * message texts of their tickets and their posts elsewhere, summaries, the conversation ids that
 * point at their posts: {@link ErasedRows}) and from the outbox, published or not
 * ({@link ErasedOutbox}); what remains is the bare skeleton (ticket ids, statuses, times) for
 * statistics. Both are audited; erasure emits CustomerErased so the other services erase their
 * copies.
 */
@ApplicationScoped
public class CustomerPrivacy {

    public static final String ERASED = "[erased]";

    @Inject
    CustomerService customers;

    @Inject
    CustomerIdentityRepository identities;

    @Inject
    TicketRepository tickets;

    @Inject
    TicketViews views;

    @Inject
    AuditRepository audit;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    public Uni<CustomerExport> export(UUID id, Scope scope) {
        return Panache.withTransaction(() -> customers.visible(id, scope).chain(visible -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            changes.audit(null, id, scope.actor(), "CUSTOMER_EXPORTED", visible.tickets().size() + " tickets");
            List<CustomerExport.TicketRecord> records = new ArrayList<>();
            return Multi.createFrom().iterable(visible.tickets())
                    .onItem().transformToUniAndConcatenate(ticket -> views.detail(ticket)
                            .chain(detail -> audit.ofTicket(ticket.id).invoke(entries -> records.add(
                                    new CustomerExport.TicketRecord(detail, entries.stream().map(CustomerPrivacy::view).toList())))))
                    .collect().last()
                    .chain(() -> audit.ofCustomer(id))
                    .chain(customerAudit -> customers.view(visible.customer(), visible.tickets())
                            .map(view -> new CustomerExport(changes.at(), scope.subject(), view, records,
                                    customerAudit.stream().map(CustomerPrivacy::view).toList())))
                    .call(() -> Panache.getSession().chain(changes::writeTo));
        }));
    }

    public Uni<CustomerExport.Erasure> erase(UUID id, Scope scope) {
        return Panache.withTransaction(() -> customers.visible(id, scope).chain(visible -> {
            Customer customer = visible.customer();
            if (customer.erasedAt != null) {
                return Uni.createFrom().item(new CustomerExport.Erasure(id, customer.erasedAt, 0, List.of(), true));
            }
            return Panache.getSession().chain(session -> erase(session, customer, scope.actor()));
        })).invoke(erasure -> {
            if (!erasure.alreadyErased()) {
                relay.nudge();
            }
        });
    }

    private Uni<CustomerExport.Erasure> erase(Mutiny.Session session, Customer customer, Actor actor) {
        UUID id = customer.id;
        Changes changes = new Changes(ClockProducer.now(clock));
        return tickets.ofCustomer(id).chain(theirTickets -> ErasedRows.mergedInto(session, id)
                .chain(merged -> identities.ofCustomer(id).chain(ids -> {
                    ErasureScope erasure = new ErasureScope(id, merged, theirTickets.stream().map(t -> t.id).toList());
                    customer.displayName = null;
                    customer.erasedAt = changes.at();
                    customer.updatedAt = changes.at();
                    for (Ticket ticket : theirTickets) {
                        ticket.summary = ERASED;
                        ticket.conversationId = ERASED;
                        ticket.touch(changes.at());
                    }
                    changes.audit(null, id, actor, "CUSTOMER_ERASED", ids.size() + " identities, "
                            + erasure.ticketIds().size() + " tickets, " + merged.size() + " merged customer records");
                    erasure.ticketIds().forEach(ticketId -> changes.audit(ticketId, id, actor, "CONTENT_ERASED",
                            "customer " + id + " erased"));
                    List<CustomerErased.Identity> named = ids.stream()
                            .map(i -> new CustomerErased.Identity(i.channel, i.platformId)).toList();
                    return ErasedRows.otherTickets(session, erasure)
                            .call(() -> ErasedRows.erase(session, erasure, changes.at()))
                            .call(others -> ErasedOutbox.erase(session, erasure, others, changes, actor))
                            // Written after the withdrawn replies' outcomes: the last word about them.
                            .invoke(() -> changes.event(CustomerErased.of(id, named, erasure.ticketIds(), actor)))
                            .chain(() -> changes.writeTo(session))
                            .replaceWith(new CustomerExport.Erasure(id, changes.at(), ids.size(), erasure.ticketIds(),
                                    false));
                })));
    }

    static AuditView view(AuditEntry e) {
        return new AuditView(e.action, e.actorKind, e.actorId, e.detail, e.occurredAt);
    }
}
