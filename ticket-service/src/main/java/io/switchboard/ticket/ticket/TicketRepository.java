package io.switchboard.ticket.ticket;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.FlushMode;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    private static final List<TicketStatus> ACTIVE = List.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

    /**
     * {@code count} fresh reference numbers in one round trip. It does not flush the session:
     * the caller may hold changed entities that point at tickets it has not persisted yet.
     */
    public Uni<List<Long>> nextReferenceNumbers(int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session
                .createNativeQuery("select nextval('ticket_reference_seq') from generate_series(1, :count)", Long.class)
                .setParameter("count", count)
                .setFlushMode(FlushMode.COMMIT)
                .getResultList());
    }

    public Uni<List<Ticket>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /**
     * {@link #findByIds}, each row locked until the transaction ends ({@code FOR NO KEY UPDATE}, in id
     * order so two such batches cannot deadlock): what the caller changes cannot go stale under it.
     */
    public Uni<List<Ticket>> lockByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The customers' active tickets, most recently changed first. */
    public Uni<List<Ticket>> activeOfCustomers(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("customerId in ?1 and status in ?2 order by updatedAt desc", customerIds, ACTIVE);
    }

    public Uni<List<Ticket>> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt desc", customerId);
    }
}
