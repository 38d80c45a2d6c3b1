package io.switchboard.events.mention;

import io.switchboard.events.Require;

/** An off-channel way to answer the customer: the ask-us form has no account to reply to. */
public record Contact(String email) {

    public Contact {
        Require.text(email, "contact.email");
    }
}
