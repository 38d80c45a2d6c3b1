package io.switchboard.events;

/** Whether a post or reply is seen by everyone or only by the customer (direct message, e-mail). */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
