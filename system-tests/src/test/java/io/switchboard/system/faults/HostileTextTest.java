package io.switchboard.system.faults;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.switchboard.events.Channel;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.harness.SystemTest;
import io.switchboard.system.support.SignedWebhook;
import io.switchboard.system.support.TopicTail;

/**
 * Hostile text through every public door of the running system: each string of the Big List of
 * Naughty Strings and of the XSS, SQL/NoSQL, template and command injection lists is posted as a
 * mention's text through the generic signed webhook, X's Account Activity webhook and the ask-us
 * form. Nothing crashes: every answer is a 2xx or a clear 4xx problem (RFC 9457) that does not echo
 * the input, and every service is still ready afterwards. Every accepted text is stored byte for byte
 * (read back from ticket-service's database) and comes back from ticket-service's and the gateway's
 * REST APIs as JSON data equal to what was sent: inert text, never markup or a query. (Whether the
 * agents' web app renders it inertly is the gateway's browser tests' part.)
 */
@SystemTest
class HostileTextTest {

    /** What one door answered for one string. */
    record Sent(Channel channel, int index, String externalId, String text, Response answer, boolean accepted) {
    }

    /** The ask-us form allows a handful of questions per address; each customer here asks from their own loopback address. */
    private static final int QUESTIONS_PER_ADDRESS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Test
    void hostileTextIsRefusedClearlyOrStoredAndServedAsInertData(SystemStack stack) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 10_000_000_000L);
        List<String> strings = HostileStrings.all();
        List<Sent> sent = new ArrayList<>();
        ServiceDatabases databases = new ServiceDatabases(stack);
        try {
            Map<String, MentionReceived> published;
            try (TopicTail mentions = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.MENTIONS)) {
                // the three doors at once; each door's posts in order (the webhook and X posts are one customer's thread)
                CompletableFuture<List<Sent>> webhook = CompletableFuture.supplyAsync(() -> throughSignedWebhook(stack, run, strings));
                CompletableFuture<List<Sent>> x = CompletableFuture.supplyAsync(() -> throughXWebhook(stack, run, strings));
                CompletableFuture<List<Sent>> askUs = CompletableFuture.supplyAsync(() -> throughAskUs(stack, run, strings));
                sent.addAll(webhook.join());
                sent.addAll(x.join());
                sent.addAll(askUs.join());
                published = awaitPublished(mentions, sent.stream().filter(Sent::accepted).map(Sent::externalId).collect(Collectors.toSet()));
            }
            List<Sent> accepted = sent.stream().filter(Sent::accepted).toList();
            Recorded recorded = awaitRecorded(databases, published.values());
            System.out.printf("[hostile] %d strings, %d posts: %d accepted (%d on tickets, %d counted as not actionable or spam),"
                    + " %d refused%n", strings.size(), sent.size(), accepted.size(), recorded.onTickets().size(), recorded.ignored().size(),
                    sent.size() - accepted.size());

            SoftAssertions soft = new SoftAssertions();
            for (Sent s : sent) {
                if (!s.accepted()) {
                    assertClearProblem(soft, s);
                }
            }
            for (Sent s : accepted) {
                String what = s.channel() + " string #" + s.index();
                soft.assertThat(published.get(s.externalId()).text()).as(what + " published byte for byte").isEqualTo(s.text());
                Stored stored = recorded.onTickets().get(s.externalId());
                if (stored != null) {
                    soft.assertThat(stored.text()).as(what + " stored byte for byte").isEqualTo(storable(s.text()));
                } else {
                    soft.assertThat(recorded.ignored()).as(what + " recorded once: on a ticket, or counted")
                            .contains(published.get(s.externalId()).mentionId());
                }
            }
            assertServedAsData(soft, stack, accepted.stream().filter(s -> recorded.onTickets().containsKey(s.externalId())).toList(),
                    recorded.onTickets());
            for (Service service : Service.values()) {
                soft.assertThat(given().get(stack.baseUrl(service) + "/q/health/ready").statusCode())
                        .as(service.moduleName() + " still ready").isEqualTo(200);
            }
            soft.assertThat(accepted.stream().filter(s -> s.channel() == Channel.ASK_US).count()).as("questions accepted").isPositive();
            soft.assertAll();
        } finally {
            RunTickets.close(stack, new StoreAudit(databases).ticketsOf(sent.stream().filter(Sent::accepted).map(Sent::externalId).toList()));
        }
    }

    /** One customer's thread: every string, in order, as their next post. */
    private static List<Sent> throughSignedWebhook(SystemStack stack, String run, List<String> strings) {
        SignedWebhook webhook = new SignedWebhook(stack.baseUrl(Service.MENTION), SystemStack.WEBHOOK_SOURCE, stack.webhookSecret());
        List<Sent> sent = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < strings.size(); i++) {
            String id = "h" + run + "-w" + i;
            Response answer = webhook.post(new String(MentionLoad.webhookBody("h" + run + "-customer", "h" + run, "Hostile Tester", id,
                    previous, strings.get(i)), StandardCharsets.UTF_8));
            boolean accepted = answer.statusCode() == 202;
            previous = accepted ? id : previous;
            sent.add(new Sent(Channel.WEBHOOK, i, id, strings.get(i), answer, accepted));
        }
        return sent;
    }

    private static List<Sent> throughXWebhook(SystemStack stack, String run, List<String> strings) {
        String url = stack.baseUrl(Service.MENTION) + "/api/v1/channels/x/webhook";
        String user = run + "777";
        List<Sent> sent = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < strings.size(); i++) {
            String id = FakeXServer.nextId();
            byte[] body = MentionLoad.xActivityBody(user, "h" + run, "Hostile Tester", id, previous, strings.get(i));
            Response answer = given().contentType("application/json").header(FakeXServer.WEBHOOK_SIGNATURE_HEADER,
                    FakeXServer.webhookSignature(body)).body(body).post(url);
            // X's webhook answers per event: 200 with accepted 1, or skipped 1 for an event it could not take
            boolean accepted = answer.statusCode() == 200 && answer.jsonPath().getInt("accepted") == 1;
            previous = accepted ? id : previous;
            sent.add(new Sent(Channel.X, i, id, strings.get(i), answer, accepted));
        }
        return sent;
    }

    private static List<Sent> throughAskUs(SystemStack stack, String run, List<String> strings) {
        String url = stack.baseUrl(Service.MENTION) + "/api/v1/ask";
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            int customer = i / QUESTIONS_PER_ADDRESS;
            InetAddress from = loopback(customer);
            Response answer = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.route.local-address", from)))
                    .contentType("application/json")
                    .body(Map.of("email", "h" + run + "-" + customer + "@example.com", "name", "Hostile Tester", "message", strings.get(i)))
                    .post(url);
            boolean accepted = answer.statusCode() == 201;
            sent.add(new Sent(Channel.ASK_US, i, accepted ? answer.jsonPath().getString("reference") : null, strings.get(i), answer,
                    accepted));
        }
        return sent;
    }

    /** 127.1.x.y: every address of 127.0.0.0/8 is this machine, and each asker has one of their own. */
    private static InetAddress loopback(int customer) {
        try {
            return InetAddress.getByAddress(new byte[] { 127, 1, (byte) (customer / 250), (byte) (customer % 250 + 1) });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal is a 4xx problem document whose words are the service's own, not the input's. */
    private static void assertClearProblem(SoftAssertions soft, Sent s) {
        String what = s.channel() + " string #" + s.index();
        if (s.channel() == Channel.X && s.answer().statusCode() == 200) {
            soft.assertThat(s.answer().jsonPath().getInt("skipped")).as(what + ": counted as an event X sent that could not be taken")
                    .isEqualTo(1);
            return;
        }
        soft.assertThat(s.answer().statusCode()).as(what + ": refused with a 4xx").isBetween(400, 499);
        soft.assertThat(s.answer().contentType()).as(what + ": as a problem document").startsWith("application/problem+json");
        soft.assertThat(s.answer().jsonPath().getString("title")).as(what + ": problem title").isNotBlank();
        if (s.text().strip().length() >= 12) {
            soft.assertThat(s.answer().asString()).as(what + ": the problem does not echo the input").doesNotContain(s.text().strip());
        }
    }

    /** Where a post is stored: its ticket, and the text as ticket-service holds it. */
    record Stored(UUID ticketId, String text) {
    }

    /** What ticket-service did with the accepted posts: customer messages by channel id, and mentions it counted without a ticket. */
    record Recorded(Map<String, Stored> onTickets, Set<UUID> ignored) {

        int size() {
            return onTickets.size() + ignored.size();
        }

        @Override
        public String toString() {
            return onTickets.size() + " on tickets, " + ignored.size() + " counted without a ticket";
        }
    }

    /** mention-service published every accepted post on {@code mentions}; returns the events by channel id. */
    private static Map<String, MentionReceived> awaitPublished(TopicTail mentions, Set<String> externalIds) {
        List<MentionReceived> events = mentions.await(externalIds.size(), MentionReceived.class,
                m -> externalIds.contains(m.externalId()), PATIENCE);
        return events.stream().collect(Collectors.toMap(MentionReceived::externalId, m -> m, (a, b) -> a));
    }

    private static Recorded awaitRecorded(ServiceDatabases databases, Collection<MentionReceived> published) {
        List<UUID> mentionIds = published.stream().map(MentionReceived::mentionId).toList();
        return Awaitility.await("ticket-service recorded every accepted hostile post").atMost(PATIENCE).pollInterval(Duration.ofSeconds(3))
                .until(() -> recorded(databases, mentionIds), r -> {
                    System.out.printf("[hostile] ticket-service recorded %d of %d%n", r.size(), mentionIds.size());
                    return r.size() >= mentionIds.size();
                });
    }

    private static Recorded recorded(ServiceDatabases databases, List<UUID> mentionIds) throws Exception {
        Map<String, Stored> onTickets = new HashMap<>();
        Set<UUID> ignored = new HashSet<>();
        try (Connection c = databases.open(Service.TICKET)) {
            try (PreparedStatement st = c.prepareStatement("select external_id, ticket_id, text from message where mention_id = any(?)")) {
                st.setArray(1, c.createArrayOf("uuid", mentionIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        onTickets.put(rs.getString(1), new Stored(rs.getObject(2, UUID.class), rs.getString(3)));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("select mention_id from ignored_mention where mention_id = any(?)")) {
                st.setArray(1, c.createArrayOf("uuid", mentionIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ignored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return new Recorded(onTickets, ignored);
    }

    /**
     * ticket-service's API (as an administrator) and the gateway's ticket screen (as the customer-care
     * agent) return every accepted text as a JSON string equal to what was sent.
     */
    private static void assertServedAsData(SoftAssertions soft, SystemStack stack, List<Sent> accepted, Map<String, Stored> stored) {
        KeycloakTokens tokens = KeycloakTokens.forPlatform(stack.platform());
        Map<UUID, List<Sent>> byTicket = StoreAudit.group(accepted, s -> stored.get(s.externalId()).ticketId());
        for (Map.Entry<UUID, List<Sent>> ticket : byTicket.entrySet()) {
            Response view = given().baseUri(stack.baseUrl(Service.TICKET)).auth().oauth2(tokens.token(DemoUsers.ADA))
                    .get("/api/v1/tickets/{id}", ticket.getKey());
            soft.assertThat(view.contentType()).as("ticket-service answers JSON").startsWith("application/json");
            JsonPath json = view.jsonPath();
            Map<String, String> texts = new HashMap<>();
            for (Map<String, Object> m : json.<Map<String, Object>>getList("messages")) {
                texts.put(String.valueOf(m.get("externalId")), (String) m.get("text"));
            }
            for (Sent s : ticket.getValue()) {
                soft.assertThat(texts.get(s.externalId())).as(s.channel() + " string #" + s.index() + " from ticket-service's API")
                        .isEqualTo(storable(s.text()));
            }
        }
        // the gateway's ticket screen of the webhook customer's thread, which holds every accepted string
        UUID thread = accepted.stream().filter(s -> s.channel() == Channel.WEBHOOK).map(s -> stored.get(s.externalId()).ticketId())
                .findFirst().orElseThrow();
        Response screen = given().baseUri(stack.baseUrl(Service.GATEWAY)).auth().oauth2(tokens.token(DemoUsers.AVA))
                .get("/api/v1/tickets/{id}", thread);
        soft.assertThat(screen.statusCode()).as("the gateway's ticket screen").isEqualTo(200);
        soft.assertThat(screen.contentType()).as("the gateway answers JSON").startsWith("application/json");
        List<String> shown = screen.jsonPath().getList("messages.findAll { it.kind == 'CUSTOMER' }.text");
        List<String> expected = accepted.stream().filter(s -> stored.get(s.externalId()).ticketId().equals(thread))
                .map(s -> storable(s.text())).toList();
        soft.assertThat(shown).as("the gateway shows every string as sent").containsExactlyInAnyOrderElementsOf(expected);
    }

    /** PostgreSQL cannot store U+0000; ticket-service keeps U+FFFD in its place (its README) — nothing else may change. */
    private static String storable(String text) {
        return text.replace('\u0000', '\uFFFD');
    }
}
