package io.switchboard.ticket.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TestEvents;
import io.switchboard.ticket.testing.TopicReader;
import jakarta.inject.Inject;

/** Delivery outcomes from mention-service land on the reply's message and go out as MessageDeliveryChanged. */
@QuarkusTest
class DeliveryEventConsumerTest {

    private static TestEvents mentionService;

    @Inject
    TestDb db;

    @BeforeAll
    static void connect() {
        mentionService = new TestEvents(Topics.MENTION_SERVICE);
    }

    @AfterAll
    static void disconnect() {
        mentionService.close();
    }

    @Test
    void aDeliveredReplyIsMarkedOnceAndAnnouncedOnTicketEvents() {
        Reply reply = newReply();
        ReplyDelivered delivered = ReplyDelivered.of(reply.replyId(), reply.ticketId(), Channel.X, "1790000000000000123",
                null, 1);
        mentionService.publish(delivered);
        mentionService.publish(delivered);
        TestDb.eventually(() -> "DELIVERED".equals(state(reply)) ? true : null);
        ReplyFailed lateFailure = ReplyFailed.of(reply.replyId(), reply.ticketId(), Channel.X,
                ReplyFailed.Code.UNKNOWN, "Timed out", true, 2);
        mentionService.publish(lateFailure);
        TestDb.eventually(() -> db.count("select count(*) from processed_event where event_id = $1",
                lateFailure.eventId()) == 1 ? true : null);

        assertThat(state(reply)).as("a delivered reply stays delivered").isEqualTo("DELIVERED");
        assertThat(db.rows("select external_post_id from message where reply_id = $1", reply.replyId()).get(0).getString(0))
                .isEqualTo("1790000000000000123");
        var changes = db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2",
                reply.ticketId().toString(), "switchboard.ticket.message.delivery.changed.v1");
        assertThat(changes).hasSize(1);
        MessageDeliveryChanged event = EventCodec.decode(changes.get(0).getBuffer(0).getBytes(), MessageDeliveryChanged.class);
        assertThat(event.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(event.messageId()).isEqualTo(reply.messageId());
        assertThat(event.externalPostId()).isEqualTo("1790000000000000123");
    }

    @Test
    void aFailedReplyShowsTheReasonAndMaySucceedLater() {
        Reply reply = newReply();
        mentionService.publish(ReplyFailed.of(reply.replyId(), reply.ticketId(), Channel.X, ReplyFailed.Code.RATE_LIMITED,
                "X is rate limiting our account; it will be sent again", true, 3));
        TestDb.eventually(() -> "FAILED".equals(state(reply)) ? true : null);
        assertThat(db.rows("select delivery_detail from message where reply_id = $1", reply.replyId()).get(0).getString(0))
                .isEqualTo("X is rate limiting our account; it will be sent again");

        mentionService.publish(ReplyDelivered.of(reply.replyId(), reply.ticketId(), Channel.X, "1790000000000000999", null, 4));
        TestDb.eventually(() -> "DELIVERED".equals(state(reply)) ? true : null);
        assertThat(db.rows("select ce_type from outbox_event where message_key = $1 and ce_type like '%delivery%' order by seq",
                reply.ticketId().toString())).hasSize(2);
    }

    @Test
    void anOutcomeForAnUnknownReplyIsDeadLettered() {
        UUID replyId = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopic(Topics.DELIVERY_EVENTS, Topics.TICKET_SERVICE))) {
            mentionService.publish(ReplyDelivered.of(replyId, UUID.randomUUID(), Channel.X, "1", null, 1));
            var refused = deadLetters.await(r -> replyId.toString().equals(r.key()));
            assertThat(TopicReader.header(refused, "dead-letter-reason")).contains("unknown reply " + replyId);
        }
    }

    private String state(Reply reply) {
        return db.rows("select delivery_state from message where reply_id = $1", reply.replyId()).get(0).getString(0);
    }

    private record Reply(UUID ticketId, UUID messageId, UUID replyId) {
    }

    /** A ticket with an agent's reply waiting for its delivery, as the reply endpoint leaves it. */
    private Reply newReply() {
        MentionReceived mention = Mentions.rootPost(Mentions.unique("delivery"), "Is the outage over?", Instant.now());
        mentionService.publish(mention);
        UUID ticket = db.awaitThreaded(mention.mentionId());
        Reply reply = new Reply(ticket, UUID.randomUUID(), UUID.randomUUID());
        db.update("insert into message (id, ticket_id, kind, author_id, text, visibility, reply_id, delivery_state, created_at)"
                + " values ($1, $2, 'AGENT_REPLY', 'agent-1', 'It is, sorry for the trouble', 'PUBLIC', $3, 'PENDING', now())",
                reply.messageId(), ticket, reply.replyId());
        return reply;
    }

}
