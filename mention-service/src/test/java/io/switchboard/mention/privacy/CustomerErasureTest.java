package io.switchboard.mention.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.mention.ingest.IngestOutcome;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.Mentions;
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

    private boolean sent(IngestOutcome outcome) {
        return pool.preparedQuery("select count(*) from outbox where sent_at is not null"
                        + " and position(convert_to($1, 'UTF8') in payload) > 0")
                .execute(Tuple.of(outcome.mentionId().toString())).map(r -> r.iterator().next().getLong(0) > 0)
                .await().atMost(Duration.ofSeconds(5));
    }

    private long authorRows(String authorId) {
        return pool.preparedQuery("select count(*) from mention where author_platform_id = $1").execute(Tuple.of(authorId))
                .map(r -> r.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
    }
}
