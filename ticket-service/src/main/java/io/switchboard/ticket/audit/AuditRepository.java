package io.switchboard.ticket.audit;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    public Uni<List<AuditEntry>> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by seq", ticketId);
    }

    public Uni<List<AuditEntry>> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by seq", customerId);
    }
}
