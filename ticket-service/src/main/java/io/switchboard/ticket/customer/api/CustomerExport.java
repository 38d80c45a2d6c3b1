package io.switchboard.ticket.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.ticket.ticket.api.AuditView;
import io.switchboard.ticket.ticket.api.TicketDetail;

/** Everything this service holds about a customer (GDPR art. 15 and 20), as one document. */
public record CustomerExport(Instant exportedAt, String exportedBy, CustomerView customer, List<TicketRecord> tickets,
        List<AuditView> customerAudit) {

    public record TicketRecord(TicketDetail ticket, List<AuditView> audit) {
    }

    /** What an erasure did (GDPR art. 17). */
    public record Erasure(UUID customerId, Instant erasedAt, int identities, List<UUID> ticketIds, boolean alreadyErased) {
    }
}
