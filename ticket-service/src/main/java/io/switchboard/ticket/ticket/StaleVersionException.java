package io.switchboard.ticket.ticket;

/** The caller changed a ticket from an older version than the current one; the API answers 409. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String what, long expected, long actual) {
        super("The " + what + " changed since you loaded it (you had version " + expected + ", it is now at version "
                + actual + "); reload it and try again.");
    }

    /** The ticket changed between the read and the write of this very request. */
    public StaleVersionException() {
        super("The ticket changed while your change was being saved; reload it and try again.");
    }
}
