package io.switchboard.gateway.live;

/** One push to make: a message and who gets it. */
public record Delivery(Recipient recipient, LiveMessage message) {
}
