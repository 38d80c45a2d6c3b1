package io.switchboard.gateway.live;

/**
 * What supervisors are told about a newly opened ticket: enough to update the floor, nothing about
 * the customer (a supervisor may not supervise the team it will land in).
 */
public record QueueChange(String channel, String priority, String sentiment, String team) {
}
