package io.switchboard.ticket.customer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.ticket.customer.api.CustomerRequests;
import io.switchboard.ticket.customer.api.CustomerView;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.outbox.OutboxRelay;
import io.switchboard.ticket.thread.MentionLimits;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketCommands;
import io.switchboard.ticket.ticket.TicketConflictException;
import io.switchboard.ticket.ticket.TicketRepository;
import io.switchboard.ticket.ticket.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;

/**
 * Customers across channels: the view with all their tickets, linking another identity of the
 * same person, and merging two customers who turn out to be one (announced on ticket-events as
 * CustomerIdentityLinked and CustomersMerged, through the outbox). A customer is visible to a
 * caller who may see at least one of their tickets (admins: all).
 */
@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerIdentityRepository identities;

    @Inject
    TicketRepository tickets;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    public Uni<CustomerView> view(UUID id, Scope scope) {
        return Panache.withSession(() -> visible(id, scope).chain(visible -> view(visible.customer(), visible.tickets())));
    }

    public Uni<CustomerView> linkIdentity(UUID id, CustomerRequests.LinkIdentity request, Scope scope) {
        TicketCommands.required(request.channel(), "channel");
        String platformId = TicketCommands.requiredText(request.platformId(), MentionLimits.PLATFORM_ID, "platformId").strip();
        return Panache.withTransaction(() -> visible(id, scope).chain(visible -> identities.find(request.channel(), platformId)
                .chain(existing -> {
                    if (existing != null) {
                        throw new TicketConflictException(existing.customerId.equals(id)
                                ? "This identity already belongs to this customer."
                                : "This identity belongs to customer " + existing.customerId
                                        + "; merge the two customers instead.");
                    }
                    Changes changes = new Changes(ClockProducer.now(clock));
                    CustomerIdentity identity = CustomerIdentity.of(id, request.channel(), platformId, changes.at());
                    identity.handle = MentionLimits.shorten(request.handle(), MentionLimits.NAME);
                    identity.displayName = MentionLimits.shorten(request.displayName(), MentionLimits.NAME);
                    identity.email = TicketCommands.optionalText(request.email(), MentionLimits.PLATFORM_ID, "email");
                    changes.identity(identity).audit(null, id, scope.actor(), "IDENTITY_LINKED",
                            "identity " + identity.id + " on " + request.channel());
                    changes.event(CustomerIdentityLinked.of(id, identity.id, identity.channel, identity.platformId,
                            identity.handle, scope.actor()));
                    return Panache.getSession().chain(changes::writeTo)
                            .chain(() -> view(visible.customer(), visible.tickets()));
                }))).invoke(relay::nudge);
    }

    /** Merges {@code request.customerId()} into {@code id}: identities and tickets move, the other points here. */
    public Uni<CustomerView> merge(UUID id, CustomerRequests.Merge request, Scope scope) {
        UUID otherId = TicketCommands.required(request.customerId(), "customerId");
        if (otherId.equals(id)) {
            throw new BadRequestException("A customer cannot be merged into themselves.");
        }
        return Panache.withTransaction(() -> visible(id, scope).chain(survivor -> visible(otherId, scope).chain(other -> {
            if (other.customer().mergedIntoId != null || survivor.customer().mergedIntoId != null) {
                throw new TicketConflictException("One of the customers was already merged into another.");
            }
            if (other.customer().erasedAt != null || survivor.customer().erasedAt != null) {
                throw new TicketConflictException("An erased customer cannot be merged.");
            }
            Changes changes = new Changes(ClockProducer.now(clock));
            other.customer().mergedIntoId = id;
            other.customer().updatedAt = changes.at();
            survivor.customer().updatedAt = changes.at();
            changes.audit(null, otherId, scope.actor(), "CUSTOMER_MERGED_INTO", "customer " + id);
            changes.audit(null, id, scope.actor(), "CUSTOMER_MERGED_FROM", "customer " + otherId);
            // All of the other's tickets move, also those of teams the caller does not see.
            return tickets.ofCustomer(otherId)
                    .invoke(moved -> changes.event(CustomersMerged.of(id, otherId, moved.stream().map(t -> t.id).toList(),
                            scope.actor())))
                    .chain(() -> Panache.getSession())
                    .chain(session -> session
                            .createMutationQuery("update CustomerIdentity i set i.customerId = :to where i.customerId = :from")
                            .setParameter("to", id).setParameter("from", otherId).executeUpdate()
                            .chain(() -> session.createMutationQuery("update Ticket t set t.customerId = :to,"
                                    + " t.version = t.version + 1 where t.customerId = :from")
                                    .setParameter("to", id).setParameter("from", otherId).executeUpdate())
                            .chain(() -> changes.writeTo(session))
                            // The bulk updates bypassed the loaded entities: read the merged customer afresh.
                            .invoke(session::clear))
                    .chain(() -> visible(id, scope))
                    .chain(merged -> view(merged.customer(), merged.tickets()));
        }))).invoke(relay::nudge);
    }

    record Visible(Customer customer, List<Ticket> tickets) {
    }

    /** The customer and the tickets the caller may see; 404 when the caller may see none (admins: always). */
    Uni<Visible> visible(UUID id, Scope scope) {
        return customers.findById(id).chain(customer -> {
            if (customer == null) {
                throw new CustomerNotFoundException(id);
            }
            return tickets.ofCustomer(id).map(all -> {
                List<Ticket> mine = all.stream().filter(t -> scope.sees(t.team)).toList();
                if (!scope.everything() && mine.isEmpty()) {
                    throw new CustomerNotFoundException(id);
                }
                return new Visible(customer, mine);
            });
        });
    }

    Uni<CustomerView> view(Customer customer, List<Ticket> visibleTickets) {
        return identities.ofCustomer(customer.id).map(ids -> new CustomerView(customer.id, customer.displayName,
                customer.mergedIntoId, customer.erasedAt, customer.createdAt,
                ids.stream().map(CustomerService::identity).toList(),
                visibleTickets.stream().map(TicketViews::summary).toList()));
    }

    static CustomerView.Identity identity(CustomerIdentity i) {
        return new CustomerView.Identity(i.id, i.channel, i.platformId, i.handle, i.displayName, i.followerCount,
                i.verified, i.email, i.createdAt);
    }
}
