package io.switchboard.system.faults;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    record Sent(Channel channel, int index, String externalId, String text, Answer answer, boolean accepted) {
    }

    /** A door's answer: status, content type and body. */
    record Answer(int statusCode, String contentType, String body) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.asString());
        }

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        }

        JsonPath jsonPath() {
            return JsonPath.from(body);
        }

        int field(String name) {
            try {
                return JSON.readTree(body).path(name).asInt();
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /**
     * The webhooks' posts go through the JDK's client: RestAssured's Groovy costs more CPU per request
     * than the services spend on it, on a machine where they share two cores.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ask-us form allows a handful of questions per address; each customer here asks from their own loopback address. */
    private static final int QUESTIONS_PER_ADDRESS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** Customers per door posting at once: one after the other, the ~1,200 strings of three doors take minutes. */
    private static final int SLICES = 6;
    /**
     * The doors and their customers' threads. Unbounded (a door waits for its slices), and not the
     * common pool: on a 2-core machine that runs one task at a time.
     */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-sender");
        t.setDaemon(true);
        return t;
    });

    @Test
    void hostileTextIsRefusedClearlyOrStoredAndServedAsInertData(SystemStack stack) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 10_000_000_000L);
        long began = System.nanoTime();
        List<String> strings = HostileStrings.all();
        List<Sent> sent = new ArrayList<>();
        ServiceDatabases databases = new ServiceDatabases(stack);
        try {
            Map<String, MentionReceived> published;
            try (TopicTail mentions = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.MENTIONS)) {
                // the three doors at once, each with several customers at once; each customer's posts in order (a thread)
                CompletableFuture<List<Sent>> webhook = CompletableFuture.supplyAsync(() -> throughSignedWebhook(stack, run, strings), SENDERS);
                CompletableFuture<List<Sent>> x = CompletableFuture.supplyAsync(() -> throughXWebhook(stack, run, strings), SENDERS);
                CompletableFuture<List<Sent>> askUs = CompletableFuture.supplyAsync(() -> throughAskUs(stack, run, strings), SENDERS);
                sent.addAll(webhook.join());
                sent.addAll(x.join());
                sent.addAll(askUs.join());
                System.out.printf("[hostile] %d posts sent in %d s%n", sent.size(), (System.nanoTime() - began) / 1_000_000_000);
                published = awaitPublished(mentions, sent.stream().filter(Sent::accepted).map(Sent::externalId).collect(Collectors.toSet()));
            }
            List<Sent> accepted = sent.stream().filter(Sent::accepted).toList();
            System.out.printf("[hostile] every accepted post published after %d s%n", (System.nanoTime() - began) / 1_000_000_000);
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
            System.out.printf("[hostile] every accepted post recorded after %d s%n", (System.nanoTime() - began) / 1_000_000_000);
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

    /**
     * Runs {@code door} over the strings in {@link #SLICES} contiguous slices at once, one customer per
     * slice (each slice's posts in order, as that customer's thread); returns what was sent, in string order.
     */
    private static List<Sent> sliced(List<String> strings, SliceSender door) {
        int size = (strings.size() + SLICES - 1) / SLICES;
        List<CompletableFuture<List<Sent>>> slices = new ArrayList<>();
        for (int from = 0, slice = 0; from < strings.size(); from += size, slice++) {
            int start = from;
            int customer = slice;
            int end = Math.min(strings.size(), from + size);
            slices.add(CompletableFuture.supplyAsync(() -> door.send(customer, start, end), SENDERS));
        }
        return slices.stream().flatMap(f -> f.join().stream()).toList();
    }

    /** One customer posting strings {@code [from, to)}, in order. */
    @FunctionalInterface
    private interface SliceSender {
        List<Sent> send(int customer, int from, int to);
    }

    /** Each slice is one customer's thread: every string of it, in order, as their next post. */
    private static List<Sent> throughSignedWebhook(SystemStack stack, String run, List<String> strings) {
        String url = stack.baseUrl(Service.MENTION) + "/api/v1/channels/webhook/" + SystemStack.WEBHOOK_SOURCE;
        return sliced(strings, (customer, from, to) -> {
            List<Sent> sent = new ArrayList<>();
            String previous = null;
            for (int i = from; i < to; i++) {
                String id = "h" + run + "-w" + i;
                byte[] body = MentionLoad.webhookBody("h" + run + "-customer" + customer, "h" + run + "c" + customer, "Hostile Tester", id,
                        previous, strings.get(i));
                long timestamp = Instant.now().getEpochSecond();
                Answer answer = post(url, body, "X-Switchboard-Timestamp", Long.toString(timestamp), "X-Switchboard-Signature",
                        SignedWebhook.signature(stack.webhookSecret(), timestamp, body));
                boolean accepted = answer.statusCode() == 202;
                previous = accepted ? id : previous;
                sent.add(new Sent(Channel.WEBHOOK, i, id, strings.get(i), answer, accepted));
            }
            return sent;
        });
    }

    private static List<Sent> throughXWebhook(SystemStack stack, String run, List<String> strings) {
        String url = stack.baseUrl(Service.MENTION) + "/api/v1/channels/x/webhook";
        return sliced(strings, (customer, from, to) -> {
            String user = run + "77" + customer;
            List<Sent> sent = new ArrayList<>();
            String previous = null;
            for (int i = from; i < to; i++) {
                String id = FakeXServer.nextId();
                byte[] body = MentionLoad.xActivityBody(user, "h" + run + "x" + customer, "Hostile Tester", id, previous, strings.get(i));
                Answer answer = post(url, body, FakeXServer.WEBHOOK_SIGNATURE_HEADER, FakeXServer.webhookSignature(body));
                // X's webhook answers per event: 200 with accepted 1, or skipped 1 for an event it could not take
                boolean accepted = answer.statusCode() == 200 && answer.field("accepted") == 1;
                previous = accepted ? id : previous;
                sent.add(new Sent(Channel.X, i, id, strings.get(i), answer, accepted));
            }
            return sent;
        });
    }

    /** The slices' askers at once; within a slice, {@link #QUESTIONS_PER_ADDRESS} questions per asker, each from their own address. */
    private static List<Sent> throughAskUs(SystemStack stack, String run, List<String> strings) {
        String url = stack.baseUrl(Service.MENTION) + "/api/v1/ask";
        return sliced(strings, (slice, from, to) -> {
            List<Sent> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int customer = i / QUESTIONS_PER_ADDRESS;
                InetAddress address = loopback(customer);
                Response response = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                                .setParam("http.route.local-address", address)))
                        .contentType("application/json")
                        .body(Map.of("email", "h" + run + "-" + customer + "@example.com", "name", "Hostile Tester", "message", strings.get(i)))
                        .post(url);
                Answer answer = Answer.of(response);
                boolean accepted = answer.statusCode() == 201;
                sent.add(new Sent(Channel.ASK_US, i, accepted ? answer.jsonPath().getString("reference") : null, strings.get(i), answer,
                        accepted));
            }
            return sent;
        });
    }

    private static Answer post(String url, byte[] body, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .headers(headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException("posting to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
            soft.assertThat(s.answer().field("skipped")).as(what + ": counted as an event X sent that could not be taken")
                    .isEqualTo(1);
            return;
        }
        soft.assertThat(s.answer().statusCode()).as(what + ": refused with a 4xx").isBetween(400, 499);
        soft.assertThat(s.answer().contentType()).as(what + ": as a problem document").startsWith("application/problem+json");
        soft.assertThat(s.answer().jsonPath().getString("title")).as(what + ": problem title").isNotBlank();
        if (s.text().strip().length() >= 12) {
            soft.assertThat(s.answer().body()).as(what + ": the problem does not echo the input").doesNotContain(s.text().strip());
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
        // a few hundred tickets (an asker's questions are a ticket each): read eight at a time, with one
        // token (eight readers asking a loaded Keycloak for one at once time out)
        String admin = tokens.token(DemoUsers.ADA);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        Map<UUID, CompletableFuture<Response>> views = new HashMap<>();
        byTicket.keySet().forEach(id -> views.put(id, CompletableFuture.supplyAsync(() -> given().baseUri(stack.baseUrl(Service.TICKET))
                .auth().oauth2(admin).get("/api/v1/tickets/{id}", id), readers)));
        readers.shutdown();
        for (Map.Entry<UUID, List<Sent>> ticket : byTicket.entrySet()) {
            Response view = views.get(ticket.getKey()).join();
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
        // the gateway's ticket screen of each webhook customer's thread, which together hold every accepted string
        Set<UUID> threads = accepted.stream().filter(s -> s.channel() == Channel.WEBHOOK).map(s -> stored.get(s.externalId()).ticketId())
                .collect(Collectors.toSet());
        soft.assertThat(threads).as("the webhook customers' threads").isNotEmpty();
        for (UUID thread : threads) {
            Response screen = given().baseUri(stack.baseUrl(Service.GATEWAY)).auth().oauth2(tokens.token(DemoUsers.AVA))
                    .get("/api/v1/tickets/{id}", thread);
            soft.assertThat(screen.statusCode()).as("the gateway's ticket screen of " + thread).isEqualTo(200);
            soft.assertThat(screen.contentType()).as("the gateway answers JSON").startsWith("application/json");
            List<String> shown = screen.jsonPath().getList("messages.findAll { it.kind == 'CUSTOMER' }.text");
            List<String> expected = accepted.stream().filter(s -> stored.get(s.externalId()).ticketId().equals(thread))
                    .map(s -> storable(s.text())).toList();
            soft.assertThat(shown).as("the gateway shows every string of " + thread + " as sent").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** PostgreSQL cannot store U+0000; ticket-service keeps U+FFFD in its place (its README) — nothing else may change. */
    private static String storable(String text) {
        return text.replace('\u0000', '\uFFFD');
    }
}
