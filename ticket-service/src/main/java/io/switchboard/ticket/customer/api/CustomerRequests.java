package io.switchboard.ticket.customer.api;

import java.util.UUID;

import io.switchboard.events.Channel;

/** The bodies of the customer commands. */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    /** Another account of the same person, e.g. the e-mail address they used on the ask-us form. */
    public record LinkIdentity(Channel channel, String platformId, String handle, String displayName, String email) {
    }

    /** {@code customerId} is the same person as this customer and is merged into it. */
    public record Merge(UUID customerId) {
    }
}
