package io.switchboard.ticket.ticket;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.infra.security.Scope;
import io.switchboard.ticket.outbox.OutboxRelay;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.sla.TicketClocks;
import io.switchboard.ticket.ticket.api.TicketDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How every command on one ticket runs: in one transaction, load the ticket within the caller's
 * scope at the version they saw, load its live SLA clocks, apply the change, write the new rows
 * with their audit lines and outbox events, and answer with the ticket as it now is. After the
 * commit the outbox relay is nudged.
 */
@ApplicationScoped
public class TicketChange {

    /** The change itself; it may return more work to chain (e.g. bulk updates). */
    @FunctionalInterface
    public interface Mutation {
        Uni<Void> apply(Ticket ticket, TicketClocks clocks, Changes changes);
    }

    @Inject
    TicketAccess access;

    @Inject
    SlaClocks slaClocks;

    @Inject
    TicketViews views;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    public Uni<TicketDetail> run(UUID ticketId, Long expectedVersion, Scope scope, Mutation mutation) {
        return Panache.withTransaction(() -> access.visible(ticketId, scope).chain(ticket -> {
            TicketAccess.expectVersion(ticket, expectedVersion);
            Changes changes = new Changes(ClockProducer.now(clock));
            return slaClocks.live(ticket.id)
                    .chain(clocks -> mutation.apply(ticket, clocks, changes))
                    .chain(() -> Panache.getSession()).chain(changes::writeTo)
                    .chain(() -> views.detail(ticket));
        })).invoke(relay::nudge);
    }
}
