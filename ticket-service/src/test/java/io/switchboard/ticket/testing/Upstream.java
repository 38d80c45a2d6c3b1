package io.switchboard.ticket.testing;

import io.switchboard.events.Topics;

/**
 * Producers publishing as the services upstream of ticket-service, one each for the whole test run
 * (a Kafka producer per test class only costs start-up time; the JVM's exit closes them).
 */
public final class Upstream {

    private static TestEvents mentionService;
    private static TestEvents routingService;

    private Upstream() {
    }

    public static synchronized TestEvents mentionService() {
        if (mentionService == null) {
            mentionService = new TestEvents(Topics.MENTION_SERVICE);
        }
        return mentionService;
    }

    public static synchronized TestEvents routingService() {
        if (routingService == null) {
            routingService = new TestEvents(Topics.ROUTING_SERVICE);
        }
        return routingService;
    }
}
