package io.switchboard.ticket.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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
 * message texts of their tickets, summaries, the conversation ids that point at their posts, the
 * published copies in the outbox); what remains is the bare skeleton (ticket ids, statuses,
 * times) for statistics. Both are audited; erasure emits CustomerErased so the other services
 * erase their copies.
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
            Changes changes = new Changes(ClockProducer.now(clock));
            if (customer.erasedAt != null) {
                return Uni.createFrom().item(new CustomerExport.Erasure(id, customer.erasedAt, 0, List.of(), true));
            }
            return tickets.ofCustomer(id).chain(all -> identities.ofCustomer(id).chain(ids -> {
                List<UUID> ticketIds = all.stream().map(t -> t.id).toList();
                List<CustomerErased.Identity> erasedIds = ids.stream()
                        .map(i -> new CustomerErased.Identity(i.channel, i.platformId)).toList();
                customer.displayName = null;
                customer.erasedAt = changes.at();
                customer.updatedAt = changes.at();
                for (Ticket ticket : all) {
                    ticket.summary = ERASED;
                    ticket.conversationId = ERASED;
                    ticket.touch(changes.at());
                }
                changes.event(CustomerErased.of(id, erasedIds, ticketIds, scope.actor()));
                changes.audit(null, id, scope.actor(), "CUSTOMER_ERASED", ids.size() + " identities, " + ticketIds.size()
                        + " tickets");
                ticketIds.forEach(ticketId -> changes.audit(ticketId, id, scope.actor(), "CONTENT_ERASED",
                        "customer " + id + " erased"));
                return Panache.getSession().chain(session -> eraseRows(session, id, ticketIds)
                        .chain(() -> changes.writeTo(session)))
                        .replaceWith(new CustomerExport.Erasure(id, changes.at(), ids.size(), ticketIds, false));
            }));
        })).invoke(erasure -> {
            if (!erasure.alreadyErased()) {
                relay.nudge();
            }
        });
    }

    private static Uni<Void> eraseRows(org.hibernate.reactive.mutiny.Mutiny.Session session, UUID customerId,
            List<UUID> ticketIds) {
        Uni<Integer> identitiesGone = session.createMutationQuery("delete from CustomerIdentity i where i.customerId = :id")
                .setParameter("id", customerId).executeUpdate();
        if (ticketIds.isEmpty()) {
            return identitiesGone.replaceWithVoid();
        }
        return identitiesGone
                .chain(() -> session.createMutationQuery("update TicketMessage m set m.text = :erased, m.redactedText = null,"
                        + " m.authorName = null, m.externalId = null, m.conversationId = null, m.inReplyToExternalId = null,"
                        + " m.externalPostId = null, m.deliveryDetail = null where m.ticketId in :tickets")
                        .setParameter("erased", ERASED).setParameter("tickets", ticketIds).executeUpdate())
                .chain(() -> session.createMutationQuery("delete from Conversation c where c.ticketId in :tickets")
                        .setParameter("tickets", ticketIds).executeUpdate())
                // Published copies of their events carry their texts; unsent ones still go out once.
                .chain(() -> session.createMutationQuery("delete from OutboxEvent o where o.sentAt is not null"
                        + " and o.messageKey in :keys")
                        .setParameter("keys", ticketIds.stream().map(UUID::toString).toList()).executeUpdate())
                .replaceWithVoid();
    }

    static AuditView view(AuditEntry e) {
        return new AuditView(e.action, e.actorKind, e.actorId, e.detail, e.occurredAt);
    }
}
