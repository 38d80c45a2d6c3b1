package io.switchboard.ticket.thread;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.Contact;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.RealConversations;
import io.switchboard.ticket.testing.RunTopics;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TestEvents;
import io.switchboard.ticket.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Mentions published on the real broker, threaded into tickets in the real database. */
@QuarkusTest
class MentionThreadingTest {

    private static TestEvents mentionService;

    @Inject
    TestDb db;

    @Inject
    Api api;

    @BeforeAll
    static void connect() {
        mentionService = new TestEvents(Topics.MENTION_SERVICE);
    }

    @AfterAll
    static void disconnect() {
        mentionService.close();
    }

    @Test
    void everyCustomerTurnOfARealConversationLandsInOneTicketOfItsOwn() {
        List<RealConversations.Conversation> conversations = RealConversations.load(Instant.now());
        // Interleave the conversations as they would arrive from a busy channel.
        List<MentionReceived> all = new ArrayList<>();
        int longest = conversations.stream().mapToInt(c -> c.customerTurns().size()).max().orElse(0);
        for (int turn = 0; turn < longest; turn++) {
            for (RealConversations.Conversation conversation : conversations) {
                if (turn < conversation.customerTurns().size()) {
                    all.add(conversation.customerTurns().get(turn));
                }
            }
        }
        mentionService.publishAll(all);

        Set<UUID> ticketsSeen = new HashSet<>();
        for (RealConversations.Conversation conversation : conversations) {
            List<UUID> tickets = db.awaitThreaded(conversation.customerTurns().stream().map(MentionReceived::mentionId).toList());
            assertThat(new HashSet<>(tickets)).as("tickets of the %s conversation", conversation.company()).hasSize(1);
            UUID ticket = tickets.get(0);
            assertThat(ticketsSeen.add(ticket)).as("a ticket of its own for %s", conversation.company()).isTrue();
            assertThat(db.count("select count(*) from message where ticket_id = $1", ticket))
                    .isEqualTo(conversation.customerTurns().size());
            assertThat(db.rows("select mention_id from message where ticket_id = $1 order by seq", ticket))
                    .extracting(row -> row.getUUID(0))
                    .containsExactlyElementsOf(conversation.customerTurns().stream().map(MentionReceived::mentionId).toList());
            Map<String, Object> stored = db.ticket(ticket);
            assertThat((String) stored.get("reference")).matches("SW-\\d{5,}");
            assertThat(stored.get("status")).isEqualTo(TicketStatus.NEW.name());
            assertThat(stored.get("team")).isEqualTo("customer-care");
            // The outbox holds TicketOpened first, then one MessageAdded per customer turn.
            assertThat(db.rows("select ce_type from outbox_event where message_key = $1 order by seq", ticket.toString()))
                    .extracting(row -> row.getString(0))
                    .startsWith("switchboard.ticket.opened.v1")
                    .filteredOn("switchboard.ticket.message.added.v1"::equals).hasSize(conversation.customerTurns().size());
            // ... and the relay publishes them.
            TestDb.eventually(() -> db.count("select count(*) from outbox_event where message_key = $1 and sent_at is null",
                    ticket.toString()) == 0 ? true : null);
        }
    }

    @Test
    void aRedeliveredMentionChangesNothing() {
        String customer = Mentions.unique("redelivered");
        MentionReceived first = Mentions.rootPost(customer, "My parcel never arrived", Instant.now());
        mentionService.publish(first);
        UUID ticket = db.awaitThreaded(first.mentionId());
        long messages = db.count("select count(*) from message where ticket_id = $1", ticket);
        long events = db.count("select count(*) from outbox_event where message_key = $1", ticket.toString());
        long audit = db.count("select count(*) from audit_entry where ticket_id = $1", ticket);
        long version = (Long) db.ticket(ticket).get("version");

        // The same event twice more, then a marker on the same conversation (same partition, so
        // once the marker is threaded the redeliveries before it have been processed).
        mentionService.publish(first);
        mentionService.publish(first);
        MentionReceived marker = Mentions.post(customer, customer, first.conversationId(), Mentions.unique("marker"),
                first.externalId(), "Any news?", Mentions.actionable("Any news?"), Instant.now());
        mentionService.publish(marker);
        assertThat(db.awaitThreaded(marker.mentionId())).isEqualTo(ticket);

        assertThat(db.count("select count(*) from message where mention_id = $1", first.mentionId())).isEqualTo(1);
        assertThat(db.count("select count(*) from message where ticket_id = $1", ticket)).isEqualTo(messages + 1);
        // The marker added exactly one MessageAdded and one audit line; the redeliveries nothing.
        assertThat(db.count("select count(*) from outbox_event where message_key = $1", ticket.toString())).isEqualTo(events + 1);
        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1", ticket)).isEqualTo(audit + 1);
        assertThat((Long) db.ticket(ticket).get("version")).isEqualTo(version + 1);
    }

    @Test
    void aNewPostFromACustomerWithAnActiveTicketJoinsItWithinTheWindowAndOpensAnotherAfterIt() {
        String customer = Mentions.unique("window");
        Instant start = Instant.now();
        MentionReceived first = Mentions.rootPost(customer, "The app logs me out", start);
        mentionService.publish(first);
        UUID ticket = db.awaitThreaded(first.mentionId());

        MentionReceived sameDay = Mentions.rootPost(customer, "Still logged out, any idea?", start.plus(3, ChronoUnit.HOURS));
        mentionService.publish(sameDay);
        assertThat(db.awaitThreaded(sameDay.mentionId())).as("a new post within the window").isEqualTo(ticket);

        // The window runs from the last message heard (3 h in), not from the first.
        MentionReceived dayAfter = Mentions.rootPost(customer, "Now it crashes", start.plus(26, ChronoUnit.HOURS));
        mentionService.publish(dayAfter);
        assertThat(db.awaitThreaded(dayAfter.mentionId())).isEqualTo(ticket);

        MentionReceived muchLater = Mentions.rootPost(customer, "Different problem: billing", start.plus(4, ChronoUnit.DAYS));
        mentionService.publish(muchLater);
        UUID later = db.awaitThreaded(muchLater.mentionId());
        assertThat(later).as("past the join window a new post opens a new ticket").isNotEqualTo(ticket);

        // Someone else's post never joins this customer's ticket.
        MentionReceived stranger = Mentions.rootPost(Mentions.unique("stranger"), "Me too", start.plus(1, ChronoUnit.HOURS));
        mentionService.publish(stranger);
        assertThat(db.awaitThreaded(stranger.mentionId())).isNotIn(ticket, later);
        assertThat(db.count("select count(*) from customer_identity where platform_id = $1", customer)).isEqualTo(1);
    }

    @Test
    void aResolvedTicketReopensWithinThePeriodAndAfterItANewTicketLinksToTheOldOne() {
        String customer = Mentions.unique("reopen");
        Instant start = Instant.now();
        MentionReceived first = Mentions.rootPost(customer, "Refund not received", start);
        mentionService.publish(first);
        UUID ticket = db.awaitThreaded(first.mentionId());
        resolve(ticket, start.plus(1, ChronoUnit.HOURS));

        MentionReceived within = reply(customer, first, "It came back, still no refund", start.plus(2, ChronoUnit.DAYS));
        mentionService.publish(within);
        assertThat(db.awaitThreaded(within.mentionId())).isEqualTo(ticket);
        assertThat(db.ticket(ticket).get("status")).isEqualTo(TicketStatus.REOPENED.name());
        assertThat(db.rows("select ce_type from outbox_event where message_key = $1 order by seq", ticket.toString()))
                .extracting(row -> row.getString(0)).contains("switchboard.ticket.status.changed.v1");

        resolve(ticket, start.plus(3, ChronoUnit.DAYS));
        MentionReceived after = reply(customer, within, "Hello again, months later", start.plus(40, ChronoUnit.DAYS));
        mentionService.publish(after);
        UUID next = db.awaitThreaded(after.mentionId());
        assertThat(next).isNotEqualTo(ticket);
        assertThat(db.ticket(next).get("previous_ticket_id")).isEqualTo(ticket.toString());
        assertThat(db.ticket(ticket).get("status")).isEqualTo(TicketStatus.RESOLVED.name());
        // The conversation now belongs to the new ticket: its next reply goes there.
        MentionReceived followUp = reply(customer, after, "and one more thing", start.plus(40, ChronoUnit.DAYS).plusSeconds(60));
        mentionService.publish(followUp);
        assertThat(db.awaitThreaded(followUp.mentionId())).isEqualTo(next);
    }

    @Test
    void theCustomersAnswerToAPendingTicketReopensItAndRestartsItsClocks() {
        String customer = Mentions.unique("pending");
        MentionReceived first = Mentions.rootPost(customer, "Where is my order?", Instant.now());
        mentionService.publish(first);
        UUID ticket = db.awaitThreaded(first.mentionId());
        TicketOpened opened = EventCodec.decode(db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2",
                ticket.toString(), "switchboard.ticket.opened.v1").get(0).getBuffer(0).getBytes(), TicketOpened.class);
        assertThat(opened.firstResponseDueAt()).isAfter(first.acceptedAt());
        assertThat(opened.mentionId()).isEqualTo(first.mentionId());
        api.as("ava").body("{\"text\":\"Could you DM us your order number?\",\"status\":\"PENDING_CUSTOMER\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200);
        assertThat(clock(ticket, "RESOLUTION")).isEqualTo("paused");

        MentionReceived answer = reply(customer, first, "Sent it", Instant.now());
        mentionService.publish(answer);
        assertThat(db.awaitThreaded(answer.mentionId())).isEqualTo(ticket);
        assertThat(db.ticket(ticket).get("status")).isEqualTo(TicketStatus.OPEN.name());
        assertThat(clock(ticket, "RESOLUTION")).isEqualTo("running");
        assertThat(clock(ticket, "NEXT_RESPONSE")).as("the customer wrote after a reply").isEqualTo("running");
        assertThat(clock(ticket, "FIRST_RESPONSE")).isEqualTo("stopped");
    }

    /** The state of the ticket's latest clock of a kind. */
    private String clock(UUID ticket, String kind) {
        var rows = db.rows("select case when stopped_at is not null then 'stopped' when running_since is null then 'paused'"
                + " else 'running' end from sla_clock where ticket_id = $1 and clock = $2 order by started_at desc limit 1",
                ticket, kind);
        return rows.isEmpty() ? "none" : rows.get(0).getString(0);
    }

    @Test
    void nonActionableMentionsAreCountedNotTicketedUnlessARuleOrAnActiveTicketSaysOtherwise() {
        String customer = Mentions.unique("praise");
        String root = Mentions.unique("thread");
        MentionReceived praise = Mentions.post(customer, customer, root, root, null, "Love the new update!",
                Mentions.notActionable("Love the new update!"), Instant.now());
        MentionReceived spam = Mentions.post(Mentions.unique("bot"), "bot", Mentions.unique("spam"), Mentions.unique("spam"),
                null, "Win free followers", Mentions.spam("Win free followers"), Instant.now());
        mentionService.publish(praise);
        mentionService.publish(spam);
        TestDb.eventually(() -> db.isIgnored(praise.mentionId()) && db.isIgnored(spam.mentionId()) ? true : null);
        assertThat(db.ticketOfMention(praise.mentionId())).isNull();
        assertThat(db.count("select count(*) from customer_identity where platform_id = $1", customer))
                .as("nothing is kept about the author of an ignored mention").isZero();
        assertThat(db.rows("select reason from ignored_mention where mention_id = $1", spam.mentionId()).get(0).getString(0))
                .isEqualTo(IgnoredMention.SPAM);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_mentions_ignored_total{channel=\"x\",reason=\"not-actionable\"}"))
                .body(containsString("switchboard_mentions_ignored_total{channel=\"x\",reason=\"spam\"}"));

        // The ask-us form's channel is ticketed whatever triage thinks (a rule in application.properties).
        String email = Mentions.unique("form") + "@example.org";
        String formId = Mentions.unique("form");
        MentionReceived form = Mentions.mention(Channel.ASK_US, email, null, formId, formId, null, "Thanks, just checking",
                Mentions.notActionable("Thanks, just checking"), Instant.now(), new Contact(email));
        mentionService.publish(form);
        assertThat(db.awaitThreaded(form.mentionId())).isNotNull();

        // A "thanks" in the conversation of an active ticket belongs to that ticket's history.
        MentionReceived complaint = Mentions.rootPost(customer, "Checkout fails", Instant.now());
        mentionService.publish(complaint);
        UUID ticket = db.awaitThreaded(complaint.mentionId());
        MentionReceived thanks = Mentions.post(customer, customer, complaint.conversationId(), Mentions.unique("thx"),
                complaint.externalId(), "thanks!", Mentions.notActionable("thanks!"), Instant.now());
        mentionService.publish(thanks);
        assertThat(db.awaitThreaded(thanks.mentionId())).isEqualTo(ticket);
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheConversationGoesOn() {
        String customer = Mentions.unique("poison");
        MentionReceived good = Mentions.rootPost(customer, "Card declined", Instant.now());
        String key = good.conversationKey();
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterTopic(Topics.MENTIONS, Topics.TICKET_SERVICE))) {
            mentionService.publishRaw(Topics.MENTIONS, key, "{not json".getBytes(),
                    Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                            "ce_type", "switchboard.mention.received.v1", "ce_source", "/switchboard/mention-service",
                            "content-type", "application/json"));
            MentionReceived tooLongId = Mentions.post(customer, customer, good.conversationId(), "x".repeat(5000), null,
                    "hi", Mentions.actionable("hi"), Instant.now());
            mentionService.publish(tooLongId);
            mentionService.publish(good);
            assertThat(db.awaitThreaded(good.mentionId())).isNotNull();

            ConsumerRecord<String, byte[]> poison = deadLetters.await(r -> key.equals(r.key())
                    && new String(r.value()).equals("{not json"));
            assertThat(TopicReader.header(poison, "dead-letter-reason")).contains("invalid JSON");
            assertThat(TopicReader.header(poison, "dead-letter-topic")).isEqualTo(RunTopics.of(Topics.MENTIONS));
            ConsumerRecord<String, byte[]> refused = deadLetters.await(r -> key.equals(r.key())
                    && tooLongId.eventId().toString().equals(TopicReader.header(r, "ce_id")));
            assertThat(TopicReader.header(refused, "dead-letter-reason")).contains("externalId is 5000 characters long");
            assertThat(db.ticketOfMention(tooLongId.mentionId())).isNull();
        }
    }

    private void resolve(UUID ticket, Instant at) {
        db.update("update ticket set status = 'RESOLVED', resolved_at = $2, version = version + 1 where id = $1", ticket,
                at.atOffset(java.time.ZoneOffset.UTC));
    }

    private static MentionReceived reply(String customer, MentionReceived to, String text, Instant at) {
        return Mentions.post(customer, customer, to.conversationId(), Mentions.unique("reply"), to.externalId(), text,
                Mentions.actionable(text), at);
    }
}
