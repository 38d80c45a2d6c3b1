package io.switchboard.mention.channel.askus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.Visibility;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.testing.EventPublisher;
import io.switchboard.mention.testing.Db;
import io.switchboard.mention.testing.TopicWatcher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** "Ask us": no login, a reference and a secret follow-up link, strict input, a limit per address. */
@QuarkusTest
class AskUsResourceTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Inject
    Pool pool;

    @Inject
    AskUsService service;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Every test asks from its own client address, so the rate limit of one does not hit another. */
    static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    static ExtractableResponse<Response> askJson(String from, String json, int status) {
        return given().header("X-Forwarded-For", from).contentType("application/json").body(json)
                .when().post("/api/v1/ask").then().statusCode(status).extract();
    }

    @Test
    void aQuestionGetsAReferenceAFollowUpLinkAndIsPublishedPrivately() {
        try (TopicWatcher mentions = new TopicWatcher(bootstrap, Topics.MENTIONS)) {
            ExtractableResponse<Response> created = askJson(address(),
                    "{\"email\":\"Jo.Customer@Example.com\",\"name\":\"Jo\",\"message\":\"My invoice is wrong\"}", 201);

            String reference = created.path("reference");
            String link = created.path("followUpUrl");
            assertThat(reference).matches("ASK-[A-Z0-9]{5}-[A-Z0-9]{5}");
            assertThat(link).contains("/api/v1/ask/follow-up/");
            assertThat(created.header("Location")).isEqualTo(link);

            List<TopicWatcher.Received> received = mentions.await(1, Duration.ofSeconds(15),
                    r -> r.event() instanceof MentionReceived m && m.externalId().equals(reference));
            assertThat(received).hasSize(1);
            MentionReceived event = (MentionReceived) received.get(0).event();
            assertThat(event.channel()).isEqualTo(Channel.ASK_US);
            assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(event.contact().email()).isEqualTo("jo.customer@example.com");
            assertThat(event.author().platformId()).isEqualTo("jo.customer@example.com");
            assertThat(event.author().displayName()).isEqualTo("Jo");
            assertThat(event.text()).isEqualTo("My invoice is wrong");
            assertThat(received.get(0).key()).isEqualTo("ask_us:" + reference);

            String path = link.substring(link.indexOf("/api/v1/ask/follow-up/"));
            given().when().get(path).then().statusCode(200)
                    .body("reference", equalTo(reference)).body("status", equalTo("received"))
                    .body("answers", emptyIterable());
        }
    }

    @Test
    void theFollowUpLinkShowsTheAnswersAsInertText() {
        ExtractableResponse<Response> created = askJson(address(),
                "{\"email\":\"jo@example.com\",\"message\":\"Can I change my plan?\"}", 201);
        String reference = created.path("reference");
        String link = created.path("followUpUrl");
        String path = link.substring(link.indexOf("/api/v1/ask/follow-up/"));
        String answer = "Yes: <script>alert('x')</script> see Settings & Plans";

        pool.withTransaction(tx -> service.answer(tx, reference, UUID.randomUUID(), answer))
                .await().atMost(Duration.ofSeconds(5));

        given().when().get(path).then().statusCode(200).body("status", equalTo("answered"))
                .body("answers", hasSize(1)).body("answers[0].text", equalTo(answer));
        String html = given().accept("text/html").when().get(path).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .extract().asString();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void anAgentsReplyOnTheAskUsChannelAppearsOnTheFollowUpPage() {
        ExtractableResponse<Response> created = askJson(address(),
                "{\"email\":\"jo@example.com\",\"message\":\"Is my refund processed?\"}", 201);
        String reference = created.path("reference");
        String link = created.path("followUpUrl");
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), SwitchboardEvent.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Channel.ASK_US, null, Visibility.PRIVATE, reference, null,
                new ReplyRequested.Recipient("jo@example.com", null), "Yes, it was processed today.", "agent");

        try (TopicWatcher outcomes = new TopicWatcher(bootstrap, Topics.DELIVERY_EVENTS);
                EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(reply, CloudEventHeaders.sourceOf(Topics.TICKET_SERVICE));
            assertThat(outcomes.await(1, Duration.ofSeconds(20), o -> o.key().equals(reply.replyId().toString())))
                    .singleElement().satisfies(o -> assertThat(o.event()).isInstanceOf(ReplyDelivered.class));
        }
        given().when().get(link.substring(link.indexOf("/api/v1/ask/follow-up/"))).then().statusCode(200)
                .body("status", equalTo("answered")).body("answers[0].text", equalTo("Yes, it was processed today."));
    }

    @Test
    void anHtmlFormGetsAnHtmlPage() {
        String html = given().header("X-Forwarded-For", address()).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("email=ana%40example.com&name=%3Cb%3EAna%3C%2Fb%3E&message=%C2%BFD%C3%B3nde+est%C3%A1+mi+pedido%3F")
                .when().post("/api/v1/ask").then().statusCode(201).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("Your reference is <strong>ASK-").contains("/api/v1/ask/follow-up/");
    }

    @Test
    void anUnknownFollowUpLinkIsNotFound() {
        given().when().get("/api/v1/ask/follow-up/" + "A".repeat(43)).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/ask/follow-up/short").then().statusCode(404);
    }

    @Test
    void badQuestionsGetAProblem() {
        // Refused questions count against the limit too, so each comes from its own address here.
        badJson(address(), "{\"message\":\"hi\"}", "'email'");
        badJson(address(), "{\"email\":\"not an address\",\"message\":\"hi\"}", "not an e-mail address");
        badJson(address(), "{\"email\":\"jo@example.com\"}", "'message'");
        badJson(address(), "{\"email\":\"jo@example.com\",\"message\":", "not valid JSON");
        badJson(address(), "{\"email\":\"jo@example.com\",\"message\":\"" + "x".repeat(5_001) + "\"}",
                "longer than the 5000 characters");
        given().header("X-Forwarded-For", address()).contentType("application/json")
                .body("{\"email\":\"jo@example.com\",\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/api/v1/ask").then().statusCode(400).body("detail", containsString("UTF-8"));
        given().header("X-Forwarded-For", address()).contentType("application/x-www-form-urlencoded")
                .body("email=jo%40example.com&message=caf%E9").when().post("/api/v1/ask").then().statusCode(400)
                .body("detail", containsString("UTF-8"));
        given().header("X-Forwarded-For", address()).contentType("application/x-www-form-urlencoded")
                .body("email=jo%40example.com&message=100%").when().post("/api/v1/ask").then().statusCode(400)
                .body("detail", containsString("percent-escape"));
        given().header("X-Forwarded-For", address()).contentType("application/json")
                .body("{\"email\":\"jo@example.com\",\"message\":\"" + "x".repeat(70_000) + "\"}")
                .when().post("/api/v1/ask").then().statusCode(413).contentType("application/problem+json");
    }

    private static void badJson(String from, String json, String detail) {
        given().header("X-Forwarded-For", from).contentType("application/json").body(json)
                .when().post("/api/v1/ask").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(detail)).body("detail", not(containsString("x".repeat(50))));
    }

    @Test
    void eachClientAddressIsLimited() {
        String busy = address();
        for (int i = 0; i < 5; i++) {
            askJson(busy, "{\"email\":\"jo@example.com\",\"message\":\"question " + i + "\"}", 201);
        }
        given().header("X-Forwarded-For", busy).contentType("application/json")
                .body("{\"email\":\"jo@example.com\",\"message\":\"one more\"}").when().post("/api/v1/ask")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[0-9]+"));
        askJson(address(), "{\"email\":\"other@example.com\",\"message\":\"mine\"}", 201);
    }
}
