package io.switchboard.mention.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.mention.mention.InvalidMentionException;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.testing.Mentions;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The ingestion pipeline on the real PostgreSQL and Kafka of the test platform. */
@QuarkusTest
class MentionIngestorTest {

    private static final String MENTION_RECEIVED = EventTypes.of(MentionReceived.class).ceType();

    @Inject
    MentionIngestor ingestor;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    TopicWatcher mentions;

    @BeforeEach
    void watch() {
        mentions = new TopicWatcher(bootstrap, Topics.MENTIONS);
    }

    @AfterEach
    void close() {
        mentions.close();
    }

    @Test
    void theSamePostTwiceIsOneMentionReceived() {
        Mention post = Mentions.post(Channel.X, "@acme_help my order never arrived").conversationId("42" + Mentions.uniqueId())
                .build();

        IngestOutcome first = ingestor.ingest(post).await().atMost(Duration.ofSeconds(10));
        IngestOutcome second = ingestor.ingest(post).await().atMost(Duration.ofSeconds(10));

        assertThat(first.status()).isEqualTo(IngestOutcome.Status.ACCEPTED);
        assertThat(second.status()).isEqualTo(IngestOutcome.Status.DUPLICATE);
        assertThat(second.mentionId()).isEqualTo(first.mentionId());

        List<TopicWatcher.Received> received = mentions.await(1, Duration.ofSeconds(15), r -> isOf(r, post));
        // Give a second copy every chance to show up before asserting there is none.
        received = mentions.poll(Duration.ofSeconds(3), r -> isOf(r, post));
        assertThat(received).hasSize(1);
        TopicWatcher.Received record = received.get(0);
        MentionReceived event = (MentionReceived) record.event();
        assertThat(record.ceType()).isEqualTo(MENTION_RECEIVED);
        assertThat(record.key()).isEqualTo("x:" + post.conversationId());
        assertThat(event.mentionId()).isEqualTo(first.mentionId());
        assertThat(event.text()).isEqualTo(post.text());
        assertThat(event.triage()).isNotNull();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outboxRowsSent(event));
    }

    @Test
    void concurrentDeliveriesOfOnePostAcceptItOnce() {
        Mention post = Mentions.post(Channel.MASTODON, "is the app down for everyone?").build();

        List<IngestOutcome> outcomes = Uni.join()
                .all(IntStream.range(0, 8).mapToObj(i -> ingestor.ingest(post)).toList())
                .andFailFast().await().atMost(Duration.ofSeconds(20));

        assertThat(outcomes).filteredOn(IngestOutcome::accepted).hasSize(1);
        assertThat(outcomes.stream().map(IngestOutcome::mentionId).distinct()).hasSize(1);
        assertThat(mentions.await(1, Duration.ofSeconds(15), r -> isOf(r, post))).hasSize(1);
        assertThat(mentions.poll(Duration.ofSeconds(2), r -> isOf(r, post))).hasSize(1);
    }

    @Test
    void theSameIdOnAnotherChannelIsAnotherPost() {
        Mention onX = Mentions.post(Channel.X, "hello").build();
        Mention onMastodon = Mentions.post(Channel.MASTODON, "hello").externalId(onX.externalId()).build();

        assertThat(ingestor.ingest(onX).await().atMost(Duration.ofSeconds(10)).accepted()).isTrue();
        assertThat(ingestor.ingest(onMastodon).await().atMost(Duration.ofSeconds(10)).accepted()).isTrue();
    }

    @Test
    void aPostThatCannotBeAcceptedStoresAndPublishesNothing() {
        Mention tooLong = Mentions.post(Channel.ASK_US, "x".repeat(5_001)).build();

        Uni<IngestOutcome> outcome = ingestor.ingest(tooLong);

        assertThat(outcome.onFailure().recoverWithItem(failure -> {
            assertThat(failure).isInstanceOf(InvalidMentionException.class).hasMessageContaining("5000");
            return null;
        }).await().atMost(Duration.ofSeconds(5))).isNull();
        assertThat(mentionRows(tooLong)).isZero();
        assertThat(mentions.poll(Duration.ofSeconds(2), r -> isOf(r, tooLong))).isEmpty();
    }

    private static boolean isOf(TopicWatcher.Received r, Mention post) {
        return r.event() instanceof MentionReceived m && m.externalId().equals(post.externalId())
                && m.channel() == post.channel();
    }

    private boolean outboxRowsSent(MentionReceived event) {
        return pool.preparedQuery("select sent_at is not null as sent from outbox where event_id = $1")
                .execute(Tuple.of(event.eventId()))
                .map(rows -> rows.iterator().next().getBoolean("sent"))
                .await().atMost(Duration.ofSeconds(5));
    }

    private long mentionRows(Mention post) {
        return pool.preparedQuery("select count(*) from mention where channel = $1 and external_id = $2")
                .execute(Tuple.of(post.channel().name(), post.externalId()))
                .map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(5));
    }
}
