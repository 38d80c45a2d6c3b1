package io.switchboard.ticket.ticket;

import java.util.UUID;

/** No such ticket, or none the caller may see: the API answers 404 either way. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(UUID id) {
        super("There is no ticket " + id + ".");
    }
}
