package io.switchboard.ticket.ticket;

/** A change that the ticket's current state rules out (other than a status transition); 409. */
public class TicketConflictException extends RuntimeException {

    public TicketConflictException(String message) {
        super(message);
    }
}
