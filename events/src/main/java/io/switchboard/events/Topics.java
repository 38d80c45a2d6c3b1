package io.switchboard.events;

import java.util.List;

/**
 * The Kafka topics of design.md and the dead-letter topic of every consumer. The launcher, the
 * services' channel configuration and the Kubernetes manifests all take their names from here.
 */
public final class Topics {

    public static final String MENTIONS = "mentions";
    public static final String TICKET_EVENTS = "ticket-events";
    public static final String ROUTING_DECISIONS = "routing-decisions";
    public static final String AGENT_EVENTS = "agent-events";
    public static final String DELIVERY_EVENTS = "delivery-events";

    public static final String MENTION_SERVICE = "mention-service";
    public static final String TICKET_SERVICE = "ticket-service";
    public static final String ROUTING_SERVICE = "routing-service";
    public static final String AGENT_GATEWAY = "agent-gateway";

    /** A topic and the consumer (service) reading it; each pair has its own dead-letter topic. */
    public record Subscription(String topic, String consumer) {
        public String deadLetterTopic() {
            return Topics.deadLetterTopic(topic, consumer);
        }
    }

    public static final List<String> ALL = List.of(MENTIONS, TICKET_EVENTS, ROUTING_DECISIONS, AGENT_EVENTS, DELIVERY_EVENTS);

    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription(TICKET_EVENTS, MENTION_SERVICE),
            new Subscription(MENTIONS, TICKET_SERVICE),
            new Subscription(ROUTING_DECISIONS, TICKET_SERVICE),
            new Subscription(DELIVERY_EVENTS, TICKET_SERVICE),
            new Subscription(TICKET_EVENTS, ROUTING_SERVICE),
            new Subscription(AGENT_EVENTS, ROUTING_SERVICE),
            new Subscription(TICKET_EVENTS, AGENT_GATEWAY),
            new Subscription(ROUTING_DECISIONS, AGENT_GATEWAY));

    private Topics() {
    }

    public static String deadLetterTopic(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }

    public static List<String> deadLetterTopics() {
        return SUBSCRIPTIONS.stream().map(Subscription::deadLetterTopic).toList();
    }
}
