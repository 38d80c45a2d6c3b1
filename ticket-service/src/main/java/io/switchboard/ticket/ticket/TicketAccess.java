package io.switchboard.ticket.ticket;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.ticket.infra.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Loads tickets the way the API may: only within the caller's scope, and at the version they saw. */
@ApplicationScoped
public class TicketAccess {

    @Inject
    TicketRepository tickets;

    /** The ticket, or a 404 if it does not exist or belongs to a team the caller is not in. */
    public Uni<Ticket> visible(UUID id, Scope scope) {
        return tickets.findById(id).map(ticket -> {
            if (ticket == null || !scope.sees(ticket.team)) {
                throw new TicketNotFoundException(id);
            }
            return ticket;
        });
    }

    /** @throws StaleVersionException when the caller names a version other than the current one */
    public static void expectVersion(Ticket ticket, Long expected) {
        if (expected != null && expected != ticket.version) {
            throw new StaleVersionException("ticket " + ticket.reference, expected, ticket.version);
        }
    }
}
