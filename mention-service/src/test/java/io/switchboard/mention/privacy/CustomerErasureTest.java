package io.switchboard.mention.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.mention.delivery.Delivery;
import io.switchboard.mention.delivery.DeliveryRepository;
import io.switchboard.mention.delivery.DeliveryWorker;
import io.switchboard.mention.fake.FakeXResource.InjectFakeX;
import io.switchboard.mention.ingest.IngestOutcome;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.Mentions;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** CustomerErased from ticket-service: this service forgets the customer too. */
@QuarkusTest
class CustomerErasureTest {

    @Inject
    MentionIngestor ingestor;

    @Inject
    Pool pool;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DeliveryWorker worker;

    @InjectFakeX
    FakeXServer fakeX;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theCustomersKeysAreAnonymisedTheirQuestionsDeletedAndTheirPostsStillRecognised() {
        String authorId = "erase-me-" + UUID.randomUUID();
        Mention post = Mentions.post(Channel.WEBHOOK, "my address is 1 Main St").author(
                new io.switchboard.events.mention.Author(authorId, "jo", "Jo", 3, false)).build();
        IngestOutcome first = ingestor.ingest(post).await().atMost(Duration.ofSeconds(10));
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        ExtractableResponse<Response> asked = given().header("X-Forwarded-For", "10.55.0.1").contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"message\":\"please delete my data\"}")
                .when().post("/api/v1/ask").then().statusCode(201).extract();
        String link = asked.path("followUpUrl");
        String followUp = link.substring(link.indexOf("/api/v1/ask/follow-up/"));
        await().atMost(Duration.ofSeconds(15)).until(() -> sent(first));

        try (EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(CustomerErased.of(UUID.randomUUID(), List.of(
                    new CustomerErased.Identity(Channel.WEBHOOK, authorId),
                    new CustomerErased.Identity(Channel.ASK_US, email)), List.of(), Actor.agent("dpo")),
                    CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> authorRows(authorId) == 0);
        given().when().get(followUp).then().statusCode(404);
        assertThat(Db.outboxed(pool, first.mentionId().toString())).isEmpty();
        // The post itself is still known: delivered again, it is a duplicate, not a new ticket.
        assertThat(Db.mentions(pool, Channel.WEBHOOK, post.externalId())).isEqualTo(1);
        assertThat(ingestor.ingest(post).await().atMost(Duration.ofSeconds(10)).accepted()).isFalse();
    }

    @Test
    void repliesToTheCustomerStillWaitingForTheChannelAreCancelledNotPosted() {
        String customerXId = FakeXServer.nextId();
        ReplyRequested toTheirAccount = reply(customerXId, "Jo, your parcel goes to 1 Main St tomorrow.");
        ReplyRequested onTheirTicket = reply(FakeXServer.nextId(), "Jo, we refunded card ending 4242.");
        ReplyRequested toSomeoneElse = reply(FakeXServer.nextId(), "Your order has shipped.");
        List<ReplyRequested> erased = List.of(toTheirAccount, onTheirTicket);
        worker.pause(); // the channel's backlog: the replies wait, as they would behind a rate limit
        try (EventPublisher publisher = new EventPublisher(bootstrap);
                TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS)) {
            for (ReplyRequested r : List.of(toTheirAccount, onTheirTicket, toSomeoneElse)) {
                publisher.publish(r, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> List.of(toTheirAccount, onTheirTicket, toSomeoneElse)
                    .stream().allMatch(r -> deliveries.state(r.replyId()).orElse(null) == Delivery.State.PENDING));

            publisher.publish(CustomerErased.of(UUID.randomUUID(), List.of(new CustomerErased.Identity(Channel.X, customerXId)),
                    List.of(onTheirTicket.ticketId()), Actor.agent("dpo")), CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));

            List<TopicWatcher.Received> failed = outcomes.await(2, Duration.ofSeconds(25), o -> keyOf(erased, o));
            assertThat(failed).hasSize(2).allSatisfy(o -> {
                ReplyFailed f = (ReplyFailed) o.event();
                assertThat(f.code()).isEqualTo(ReplyFailed.Code.TARGET_NOT_FOUND);
                assertThat(f.reason()).isEqualTo("Not sent: the customer's personal data was erased.");
                assertThat(f.retryable()).isFalse();
            });
            assertThat(failed).extracting(o -> ((ReplyFailed) o.event()).ticketId())
                    .containsExactlyInAnyOrder(toTheirAccount.ticketId(), onTheirTicket.ticketId());
            for (ReplyRequested r : erased) {
                assertThat(deliveries.state(r.replyId())).hasValue(Delivery.State.FAILED);
                assertThat(storedRequest(r)).doesNotContain(r.text()).doesNotContain(r.recipient().platformId());
            }

            worker.resume();
            // The worker runs again: the other customer's reply goes out, the erased customer's never do.
            assertThat(outcomes.await(1, Duration.ofSeconds(25), o -> o.key().equals(toSomeoneElse.replyId().toString()))
                    .get(0).event()).isInstanceOf(ReplyDelivered.class);
            // poll returns everything seen so far: still only the two ReplyFailed, no ReplyDelivered.
            assertThat(outcomes.poll(Duration.ofSeconds(3), o -> keyOf(erased, o)))
                    .hasSize(2).allMatch(o -> o.event() instanceof ReplyFailed);
            for (ReplyRequested r : erased) {
                assertThat(fakeX.requests("POST", "/2/tweets")).noneMatch(p -> p.body().contains(r.inReplyToExternalId()));
            }
        } finally {
            worker.resume();
        }
    }

    @Test
    void aReplyRequestedBeforeTheErasureButConsumedAfterItIsRefusedNotPosted() {
        String customerXId = FakeXServer.nextId();
        String marker = "late-" + UUID.randomUUID();
        ReplyRequested late = reply(customerXId, "Jo, your new card (" + marker + ") is on its way to 1 Main St.");
        ReplyRequested toSomeoneElse = reply(FakeXServer.nextId(), "Your order has shipped.");
        try (EventPublisher publisher = new EventPublisher(bootstrap);
                TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS)) {
            // The erasure (keyed by customer) is consumed first; the reply (keyed by ticket) after it.
            publisher.publish(CustomerErased.of(UUID.randomUUID(), List.of(new CustomerErased.Identity(Channel.X, customerXId)),
                    List.of(late.ticketId()), Actor.agent("dpo")), CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            await().atMost(Duration.ofSeconds(20)).until(() -> erasedTicketRows(late.ticketId()) == 1);
            publisher.publish(late, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            publisher.publish(toSomeoneElse, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));

            assertRefusedAsErased(outcomes, late);
            assertThat(storedRequest(late)).doesNotContain(late.text()).doesNotContain(customerXId);

            // The worker is running: the reply consumed after the refused one is posted, the refused one never.
            assertThat(outcomes.await(1, Duration.ofSeconds(25), o -> o.key().equals(toSomeoneElse.replyId().toString()))
                    .get(0).event()).isInstanceOf(ReplyDelivered.class);
            assertThat(fakeX.requests("POST", "/2/tweets")).anyMatch(p -> p.body().contains(toSomeoneElse.inReplyToExternalId()))
                    .noneMatch(p -> p.body().contains(late.inReplyToExternalId()) || p.body().contains(marker));
            // Redelivered, the refused request stays one FAILED delivery with one ReplyFailed.
            publisher.publish(late, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            assertThat(outcomes.poll(Duration.ofSeconds(3), o -> o.key().equals(late.replyId().toString()))).hasSize(1);
            assertThat(deliveries.state(late.replyId())).hasValue(Delivery.State.FAILED);
        }
    }

    @Test
    void aLateReplyOnAnotherCustomersTicketAddressedToAnErasedIdentityIsRefusedNotPosted() {
        String customerXId = FakeXServer.nextId();
        String email = "erased." + UUID.randomUUID() + "@example.com";
        String marker = "other-ticket-" + UUID.randomUUID();
        // The erased customer's own ticket is not the one these replies are on.
        UUID erasedCustomersTicket = UUID.randomUUID();
        ReplyRequested onAnotherTicket = reply(customerXId, "Jo, about your refund (" + marker + ")");
        ReplyRequested askUsOnAnotherTicket = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.ASK_US, null, Visibility.PRIVATE, "ASK-OTHER", null,
                new ReplyRequested.Recipient(email.toUpperCase(Locale.ROOT), null), "Dear Jo (" + marker + ")",
                "agent-subject");
        ReplyRequested toSomeoneElse = reply(FakeXServer.nextId(), "Your order has shipped.");
        try (EventPublisher publisher = new EventPublisher(bootstrap);
                TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS)) {
            publisher.publish(CustomerErased.of(UUID.randomUUID(), List.of(new CustomerErased.Identity(Channel.X, customerXId),
                    new CustomerErased.Identity(Channel.ASK_US, email)), List.of(erasedCustomersTicket), Actor.agent("dpo")),
                    CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            // The identities are remembered in the erasure's transaction, with its tickets.
            await().atMost(Duration.ofSeconds(20)).until(() -> erasedTicketRows(erasedCustomersTicket) == 1);
            assertThat(erasedIdentityRowsContaining(customerXId)).as("only keyed hashes are kept").isZero();
            assertThat(erasedIdentityRowsContaining(email)).isZero();
            publisher.publish(onAnotherTicket, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            publisher.publish(askUsOnAnotherTicket, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            publisher.publish(toSomeoneElse, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));

            for (ReplyRequested refusedRequest : List.of(onAnotherTicket, askUsOnAnotherTicket)) {
                assertRefusedAsErased(outcomes, refusedRequest);
                assertThat(storedRequest(refusedRequest)).doesNotContain(marker).doesNotContain(customerXId)
                        .doesNotContainIgnoringCase(email);
            }
            assertThat(outcomes.await(1, Duration.ofSeconds(25), o -> o.key().equals(toSomeoneElse.replyId().toString()))
                    .get(0).event()).isInstanceOf(ReplyDelivered.class);
            assertThat(fakeX.requests("POST", "/2/tweets")).anyMatch(p -> p.body().contains(toSomeoneElse.inReplyToExternalId()))
                    .noneMatch(p -> p.body().contains(onAnotherTicket.inReplyToExternalId()) || p.body().contains(marker));
            // Redelivered, a refused request stays one FAILED delivery with one ReplyFailed.
            publisher.publish(onAnotherTicket, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            assertThat(outcomes.poll(Duration.ofSeconds(3), o -> o.key().equals(onAnotherTicket.replyId().toString()))).hasSize(1);
        }
    }

    /** Its ReplyFailed arrives with the erasure's code and reason, and the delivery is FAILED. */
    private void assertRefusedAsErased(TopicWatcher outcomes, ReplyRequested request) {
        ReplyFailed refused = (ReplyFailed) outcomes.await(1, Duration.ofSeconds(25),
                o -> o.key().equals(request.replyId().toString())).get(0).event();
        assertThat(refused.ticketId()).isEqualTo(request.ticketId());
        assertThat(refused.code()).isEqualTo(ReplyFailed.Code.TARGET_NOT_FOUND);
        assertThat(refused.reason()).isEqualTo("Not sent: the customer's personal data was erased.");
        assertThat(refused.retryable()).isFalse();
        assertThat(deliveries.state(request.replyId())).hasValue(Delivery.State.FAILED);
    }

    private static ReplyRequested reply(String recipientId, String text) {
        String inReplyTo = FakeXServer.nextId();
        return new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Channel.X, "acme_help", Visibility.PUBLIC, inReplyTo, inReplyTo,
                new ReplyRequested.Recipient(recipientId, "jo"), text, "agent-subject");
    }

    private static boolean keyOf(List<ReplyRequested> replies, TopicWatcher.Received outcome) {
        return replies.stream().anyMatch(r -> outcome.key().equals(r.replyId().toString()));
    }

    private String storedRequest(ReplyRequested r) {
        return pool.preparedQuery("select request from reply_delivery where reply_id = $1").execute(Tuple.of(r.replyId()))
                .map(rows -> rows.iterator().next().getBuffer("request").toString()).await().atMost(Duration.ofSeconds(5));
    }

    private boolean sent(IngestOutcome outcome) {
        return pool.preparedQuery("select count(*) from outbox where sent_at is not null"
                        + " and position(convert_to($1, 'UTF8') in payload) > 0")
                .execute(Tuple.of(outcome.mentionId().toString())).map(r -> r.iterator().next().getLong(0) > 0)
                .await().atMost(Duration.ofSeconds(5));
    }

    private long erasedTicketRows(UUID ticketId) {
        return pool.preparedQuery("select count(*) from erased_ticket where ticket_id = $1").execute(Tuple.of(ticketId))
                .map(r -> r.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
    }

    private long erasedIdentityRowsContaining(String platformId) {
        return pool.preparedQuery("select count(*) from erased_identity where position(convert_to($1, 'UTF8') in identity_hash) > 0"
                        + " or position(convert_to(lower($1), 'UTF8') in identity_hash) > 0")
                .execute(Tuple.of(platformId)).map(r -> r.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
    }

    private long authorRows(String authorId) {
        return pool.preparedQuery("select count(*) from mention where author_platform_id = $1").execute(Tuple.of(authorId))
                .map(r -> r.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
    }
}
