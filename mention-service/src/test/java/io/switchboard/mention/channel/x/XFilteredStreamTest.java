package io.switchboard.mention.channel.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.fakes.FakeHttp;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.fakes.StreamScript;
import io.switchboard.mention.channel.Backoff;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.fake.FakeXResource.InjectFakeX;
import io.switchboard.mention.testing.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** The filtered stream against the fake X: rules, drops, stalls, back-off, backfill overlap, garbage. */
@QuarkusTest
class XFilteredStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectFakeX
    FakeXServer fake;

    @Inject
    MentionSink sink;

    @Inject
    ConnectorHealth health;

    @Inject
    Pool pool;

    XFilteredStream stream;

    @BeforeEach
    void fresh() {
        fake.reset();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.stop();
        }
    }

    private XFilteredStream start(Duration keepAliveTimeout) {
        stream = new XFilteredStream(new XApiClient(fake.baseUrl(), Duration.ofSeconds(5)), FakeXServer.BEARER,
                "acme_help", XStreamRules.desired("acme_help", List.of("acme app")), sink, health, keepAliveTimeout, 5,
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), Clock.systemUTC()).start();
        return stream;
    }

    private static ObjectNode[] post(String text) {
        String author = FakeXServer.nextId();
        return new ObjectNode[] {FakeXServer.tweet(FakeXServer.nextId(), author, text),
                FakeXServer.user(author, "streamer", 3)};
    }

    private long stored(ObjectNode[] post) {
        return Db.mentions(pool, Channel.X, post[0].path("id").asText());
    }

    private List<FakeHttp.Request> connections() {
        return fake.requests("GET", "/2/tweets/search/stream").stream()
                .filter(r -> r.path().equals("/2/tweets/search/stream")).toList();
    }

    @Test
    void rulesAreSyncedAndPostsIngested() {
        fake.addRule("9001", "@old_handle", XStreamRules.TAG);
        fake.addRule("9002", "from:partner", "someone-else");
        ObjectNode[] post = post("@acme_help the acme app logs me out");
        fake.nextStream(StreamScript.connected().keepAlive().post(post[0], post[1]).keepAlives(200, 30_000));

        start(Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> stored(post) == 1);
        assertThat(fake.rules()).extracting(r -> r.path("value").asText())
                .containsExactlyInAnyOrder("from:partner", "@acme_help", "\"acme app\"");
        assertThat(health.of(XFilteredStream.CONNECTOR).state()).isEqualTo(ConnectorHealth.State.UP);
    }

    @Test
    void aDroppedStreamReconnectsWithBackfillAndOverlapsAreAcceptedOnce() {
        ObjectNode[] a = post("first");
        ObjectNode[] b = post("second");
        ObjectNode[] c = post("third, after the drop");
        fake.nextStream(StreamScript.connected().post(a[0], a[1]).post(b[0], b[1])); // then X drops us
        fake.nextStream(StreamScript.connected().post(a[0], a[1]).post(b[0], b[1]).post(c[0], c[1])
                .keepAlives(200, 30_000));

        start(Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> stored(c) == 1);
        assertThat(stored(a)).isEqualTo(1);
        assertThat(stored(b)).isEqualTo(1);
        List<FakeHttp.Request> connections = connections();
        assertThat(connections).hasSizeGreaterThanOrEqualTo(2);
        assertThat(connections.get(0).query()).doesNotContainKey("backfill_minutes");
        assertThat(connections.get(1).query()).containsKey("backfill_minutes");
        assertThat(Integer.parseInt(connections.get(1).query().get("backfill_minutes"))).isBetween(1, 5);
    }

    @Test
    void aSilentStreamIsDroppedByTheKeepAliveWatchdogButAQuietHealthyOneIsKept() {
        ObjectNode[] before = post("before the stall");
        ObjectNode[] after = post("after the reconnect");
        // Healthy: keep-alives only, for longer than the timeout. Then it stalls: no bytes at all.
        fake.nextStream(StreamScript.connected().post(before[0], before[1]).keepAlives(300, 2_500).pause(30_000));
        fake.nextStream(StreamScript.connected().post(after[0], after[1]).keepAlives(200, 30_000));

        start(Duration.ofMillis(1_200));

        await().atMost(WAIT).until(() -> stored(before) == 1);
        // Still on the first connection while keep-alives flow.
        await().during(Duration.ofMillis(1_800)).atMost(Duration.ofSeconds(3)).until(() -> stream.connections() == 1);
        await().atMost(WAIT).until(() -> stored(after) == 1);
        assertThat(stream.connections()).isEqualTo(2);
    }

    @Test
    void refusedConnectionsBackOffAndARateLimitWaitsForTheReset() {
        ObjectNode[] post = post("made it through");
        fake.nextStream(StreamScript.refused(503, Map.of()));
        fake.nextStream(StreamScript.refused(429, FakeXServer.resetIn(2)));
        fake.nextStream(StreamScript.connected().post(post[0], post[1]).keepAlives(200, 30_000));
        long started = System.nanoTime();

        start(Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> stored(post) == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(connections()).hasSize(3);
    }

    @Test
    void garbageOnTheStreamIsSkipped() {
        ObjectNode[] good = post("a real post");
        fake.nextStream(StreamScript.connected().line("{not json").line("{\"unexpected\":true}")
                .line("{\"errors\":[{\"title\":\"operational-disconnect\"}]}")
                .line("{\"data\":{\"id\":\"abc\",\"text\":\"no author\"}}")
                .post(good[0], good[1]).keepAlives(200, 30_000));

        start(Duration.ofSeconds(5));

        await().atMost(WAIT).until(() -> stored(good) == 1);
        assertThat(stream.connections()).isEqualTo(1);
    }

    @Test
    void desiredRulesComeFromTheHandleAndKeywords() {
        assertThat(XStreamRules.desired("@acme_help", List.of("acme app", "acmepay", " ")))
                .isEqualTo(Set.of("@acme_help", "\"acme app\"", "acmepay"));
    }
}
