package io.switchboard.events.ticket;

/** Where an agent's reply is on its way to the channel, as the ticket shows it. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
