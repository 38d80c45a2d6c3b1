package io.switchboard.events.ticket;

import io.switchboard.events.Require;
import java.util.UUID;

/**
 * The customer as a ticket shows them, with the reach routing weighs.
 *
 * @param customerId ticket-service's id, the same across all of the customer's channel identities
 * @param followerCount reach on the ticket's channel, null when unknown
 */
public record Customer(UUID customerId, String handle, String displayName, Integer followerCount) {

    public Customer {
        Require.present(customerId, "customer.customerId");
    }
}
