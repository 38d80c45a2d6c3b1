package io.switchboard.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.ticket.outbox.OutboxRelay;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TopicReader;
import jakarta.inject.Inject;

/**
 * Erasure reaches what has not left the service yet: with the relay held back, a customer's
 * events wait in the outbox when they are erased; what then reaches the real broker carries none
 * of their content, and a reply to them is never sent.
 */
@QuarkusTest
class CustomerErasureTest {

    @Inject
    Api api;

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void holdTheRelay() {
        relay.pause();
    }

    @AfterEach
    void releaseTheRelay() {
        relay.resume();
    }

    @Test
    void theirEventsStillInTheOutboxLeaveWithoutTheirContentAndTheReplyToThemIsNeverSent() {
        String handle = Mentions.unique("erasable");
        String secret = Mentions.unique("secret");
        Api.Opened opened = api.ticket(Api.CARE_BRAND, handle, "My card is blocked, " + secret);
        UUID ticket = opened.ticketId();
        UUID customer = customerOf(ticket);
        String email = Mentions.unique("mail") + "@example.org";
        api.as("sam").body("{\"channel\":\"ASK_US\",\"platformId\":\"" + email + "\"}")
                .post("/api/v1/customers/{id}/identities", customer).then().statusCode(200);
        api.as("ava").body("{\"text\":\"We will call you about " + secret + "\",\"visibility\":\"PRIVATE\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200);
        api.as("ava").body("{\"priority\":\"HIGH\",\"reason\":\"" + secret + " is upset\"}")
                .put("/api/v1/tickets/{id}/priority", ticket).then().statusCode(200);
        UUID reply = db.rows("select reply_id from message where ticket_id = $1 and kind = 'AGENT_REPLY'", ticket).get(0)
                .getUUID(0);
        assertThat(types(ticket.toString(), true)).contains("switchboard.ticket.reply.requested.v1");
        assertThat(types(customer.toString(), true)).containsExactly("switchboard.customer.identity.linked.v1");
        List<String> personal = List.of(secret, handle, email, opened.mention().externalId());

        try (TopicReader topic = new TopicReader(Topics.TICKET_EVENTS)) {
            api.as("ada").delete("/api/v1/customers/{id}", customer).then().statusCode(200);

            // Before anything leaves: the reply and the link are withdrawn, the rest holds no content.
            assertThat(types(ticket.toString(), true)).doesNotContain("switchboard.ticket.reply.requested.v1")
                    .contains("switchboard.ticket.opened.v1", "switchboard.ticket.message.added.v1",
                            "switchboard.ticket.priority.changed.v1")
                    .endsWith("switchboard.ticket.message.delivery.changed.v1");
            assertThat(types(customer.toString(), true)).containsExactly("switchboard.customer.erased.v1");
            assertThat(db.rows("select delivery_state, delivery_detail from message where reply_id = $1", reply).get(0)
                    .toJson().getMap()).containsEntry("delivery_state", "FAILED")
                    .containsEntry("delivery_detail", ErasedOutbox.NOT_SENT);
            assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action = 'REPLY_WITHDRAWN'", ticket))
                    .isEqualTo(1);

            relay.resume();
            ConsumerRecord<String, byte[]> withdrawn = topic.await(r -> ticket.toString().equals(r.key())
                    && "switchboard.ticket.message.delivery.changed.v1".equals(TopicReader.header(r, "ce_type")));
            MessageDeliveryChanged outcome = EventCodec.decode(withdrawn.value(), MessageDeliveryChanged.class);
            assertThat(outcome.replyId()).isEqualTo(reply);
            assertThat(outcome.failureReason()).isEqualTo(ErasedOutbox.NOT_SENT);
            ConsumerRecord<String, byte[]> erased = topic.await(r -> customer.toString().equals(r.key()));
            assertThat(TopicReader.header(erased, "ce_type")).isEqualTo("switchboard.customer.erased.v1");
            assertThat(EventCodec.decode(erased.value(), CustomerErased.class).identities())
                    .extracting(CustomerErased.Identity::platformId).containsExactlyInAnyOrder(handle, email);

            List<ConsumerRecord<String, byte[]>> published = topic.records(ticket.toString(), Duration.ofMillis(500));
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_type"))
                    .doesNotContain("switchboard.ticket.reply.requested.v1")
                    .contains("switchboard.ticket.opened.v1", "switchboard.ticket.message.added.v1");
            assertThat(published).allSatisfy(r -> assertThat(text(r)).doesNotContain(personal));
            assertThat(topic.records(customer.toString(), Duration.ZERO)).hasSize(1);
        }
    }

    @Test
    void theirPostsOnAnotherCustomersTicketAndTheCustomerRecordsMergedIntoThemAreErasedToo() {
        String handle = Mentions.unique("mover");
        String secret = Mentions.unique("secret");
        Api.Opened theirs = api.ticket(Api.CARE_BRAND, handle, "Parcel lost, " + secret);
        Api.Opened someoneElses = api.ticket(Api.CARE_BRAND, Mentions.unique("bystander"), "Mine is lost too");
        UUID customer = customerOf(theirs.ticketId());
        // An agent merges their ticket into the other customer's; their next post in the thread follows it there.
        api.as("ava").body("{\"into\":\"" + someoneElses.ticketId() + "\"}")
                .post("/api/v1/tickets/{id}/merge", theirs.ticketId()).then().statusCode(200);
        MentionReceived again = Mentions.post(handle, handle, theirs.mention().conversationId(), Mentions.unique("again"),
                theirs.mention().externalId(), "Still lost, " + secret, Mentions.actionable("Still lost"), Instant.now());
        api.publish(again);
        assertThat(db.awaitThreaded(again.mentionId())).isEqualTo(someoneElses.ticketId());
        // Their second account was merged into them earlier.
        Api.Opened second = api.ticket(Api.CARE_BRAND, Mentions.unique("alt"), "Other account, " + secret);
        UUID merged = customerOf(second.ticketId());
        api.as("sam").body("{\"customerId\":\"" + merged + "\"}").post("/api/v1/customers/{id}/merge", customer).then()
                .statusCode(200);

        api.as("ada").delete("/api/v1/customers/{id}", customer).then().statusCode(200);

        assertThat(db.rows("select text from message where ticket_id = $1 and (author_id = $2 or merged_from_ticket_id = $3)",
                someoneElses.ticketId(), customer.toString(), theirs.ticketId()))
                .hasSize(2).extracting(row -> row.getString(0)).containsOnly(CustomerPrivacy.ERASED);
        assertThat(db.rows("select text from message where ticket_id = $1 and author_id <> $2", someoneElses.ticketId(),
                customer.toString())).extracting(row -> row.getString(0)).containsExactly("Mine is lost too");
        assertThat(db.count("select count(*) from message where ticket_id = $1 and text <> $2", second.ticketId(),
                CustomerPrivacy.ERASED)).isZero();
        assertThat(db.count("select count(*) from customer where id = $1 and display_name is null and erased_at is not null",
                merged)).as("the customer record merged into them").isEqualTo(1);
        // The other customer's ticket still announces their post, without its content; the bystander's own stays whole.
        List<String> payloads = db.rows("select convert_from(payload, 'UTF8') from outbox_event where message_key = $1"
                + " and ce_type = 'switchboard.ticket.message.added.v1' order by seq", someoneElses.ticketId().toString())
                .stream().map(row -> row.getString(0)).toList();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).contains("Mine is lost too");
        assertThat(payloads.get(1)).contains(again.mentionId().toString()).contains(CustomerPrivacy.ERASED)
                .doesNotContain(secret, handle);
        assertThat(db.rows("select convert_from(payload, 'UTF8') from outbox_event where message_key = any($1)",
                (Object) new String[] { theirs.ticketId().toString(), second.ticketId().toString(), merged.toString() }))
                .extracting(row -> row.getString(0)).noneMatch(payload -> payload.contains(secret));
    }

    /** The ce_types of the outbox rows of a key, in publish order (unsent ones only, or all). */
    private List<String> types(String key, boolean unsentOnly) {
        return db.rows("select ce_type from outbox_event where message_key = $1" + (unsentOnly ? " and sent_at is null" : "")
                + " order by seq", key).stream().map(row -> row.getString(0)).toList();
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private UUID customerOf(UUID ticket) {
        return UUID.fromString((String) db.ticket(ticket).get("customer_id"));
    }
}
