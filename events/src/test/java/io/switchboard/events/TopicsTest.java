package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesTheDeadLetterTopicAfterTopicAndConsumer() {
        assertThat(Topics.deadLetterTopic(Topics.TICKET_EVENTS, Topics.ROUTING_SERVICE))
                .isEqualTo("ticket-events.routing-service.dlq");
        assertThat(new Topics.Subscription(Topics.MENTIONS, Topics.TICKET_SERVICE).deadLetterTopic())
                .isEqualTo("mentions.ticket-service.dlq");
    }

    @Test
    void everySubscriptionHasItsOwnDeadLetterTopic() {
        assertThat(Topics.deadLetterTopics())
                .hasSameSizeAs(Topics.SUBSCRIPTIONS)
                .doesNotHaveDuplicates()
                .allMatch(topic -> topic.endsWith(".dlq"))
                .doesNotContainAnyElementsOf(Topics.ALL);
        assertThat(Topics.SUBSCRIPTIONS).extracting(Topics.Subscription::topic).allMatch(Topics.ALL::contains);
    }

    @Test
    void mentionServiceReadsTicketEventsForReplies() {
        assertThat(Topics.deadLetterTopics()).contains("ticket-events.mention-service.dlq",
                "agent-events.routing-service.dlq", "routing-decisions.agent-gateway.dlq");
    }
}
