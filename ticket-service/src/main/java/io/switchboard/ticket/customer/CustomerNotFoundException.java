package io.switchboard.ticket.customer;

import java.util.UUID;

/** No such customer, or none whose tickets the caller may see: 404 either way. */
public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(UUID id) {
        super("There is no customer " + id + ".");
    }
}
