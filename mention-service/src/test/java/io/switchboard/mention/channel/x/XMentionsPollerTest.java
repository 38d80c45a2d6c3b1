package io.switchboard.mention.channel.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.fakes.FakeXServer;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.fake.FakeXResource.InjectFakeX;
import io.switchboard.mention.testing.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** Mentions polling against the fake X: cursor, pagination, 429, 5xx and garbage. */
@QuarkusTest
class XMentionsPollerTest {

    @InjectFakeX
    FakeXServer fake;

    @Inject
    MentionSink sink;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorHealth health;

    @Inject
    Pool pool;

    String connector;

    @BeforeEach
    void fresh() {
        fake.reset();
        connector = "x-mentions-test-" + UUID.randomUUID();
    }

    private XMentionsPoller poller(int maxPages) {
        return new XMentionsPoller(connector, new XApiClient(fake.baseUrl(), Duration.ofSeconds(5)), FakeXServer.BEARER,
                FakeXServer.BRAND_USER_ID, "acme_help", maxPages, cursors, sink, health, Clock.systemUTC());
    }

    private List<String> mentions(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = FakeXServer.nextId();
            String author = FakeXServer.nextId();
            fake.addMention(FakeXServer.tweet(id, author, "@acme_help my order " + i + " is late"),
                    FakeXServer.user(author, "customer" + i, 10 * i));
            ids.add(id);
        }
        return ids;
    }

    private long stored(List<String> ids) {
        return ids.stream().mapToLong(id -> Db.mentions(pool, Channel.X, id)).sum();
    }

    @Test
    void readsEveryPageOnceAndThenOnlyWhatIsNew() {
        fake.pageSize(2);
        List<String> first = mentions(5);
        XMentionsPoller poller = poller(10);

        XMentionsPoller.Poll poll = poller.pollOnce();

        assertThat(poll.pages()).isEqualTo(3);
        assertThat(poll.accepted()).isEqualTo(5);
        assertThat(poll.complete()).isTrue();
        assertThat(stored(first)).isEqualTo(5);
        String newest = first.get(first.size() - 1);
        assertThat(cursors.get(connector)).hasValue("since=" + newest);
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.UP);

        List<String> later = mentions(2);
        XMentionsPoller.Poll next = poller.pollOnce();

        assertThat(next.accepted()).isEqualTo(2);
        assertThat(next.duplicates()).isZero();
        assertThat(fake.requests("GET", "/2/users/" + FakeXServer.BRAND_USER_ID + "/mentions"))
                .last().satisfies(r -> assertThat(r.query()).containsEntry("since_id", newest));
        assertThat(stored(later)).isEqualTo(2);
        assertThat(cursors.get(connector)).hasValue("since=" + later.get(1));
    }

    @Test
    void aPollCutShortResumesBelowWhereItStoppedWithoutSkippingOrDoubling() {
        fake.pageSize(2);
        List<String> ids = mentions(7);
        XMentionsPoller poller = poller(2);

        XMentionsPoller.Poll first = poller.pollOnce();
        assertThat(first.complete()).isFalse();
        assertThat(first.accepted()).isEqualTo(4);
        assertThat(cursors.get(connector)).get().asString().contains("until=" + ids.get(3))
                .contains("newest=" + ids.get(6));

        XMentionsPoller.Poll second = poller.pollOnce();
        assertThat(second.complete()).isTrue();
        assertThat(second.accepted()).isEqualTo(3);
        assertThat(cursors.get(connector)).hasValue("since=" + ids.get(6));
        assertThat(stored(ids)).isEqualTo(7);
        assertThat(poller.pollOnce().received()).isZero();
    }

    @Test
    void aRateLimitPausesPollingUntilTheResetTime() {
        List<String> ids = mentions(1);
        fake.failNext("GET", "/2/users/", 429, FakeXServer.resetIn(120),
                "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429,\"detail\":\"Too Many Requests\"}");
        XMentionsPoller poller = poller(10);

        assertThat(poller.pollOnce().received()).isZero();
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.DEGRADED);
        assertThat(poller.pausedUntil()).isAfter(Instant.now().plusSeconds(100));
        int calls = fake.requests().size();

        assertThat(poller.pollOnce().received()).isZero();
        assertThat(fake.requests()).hasSize(calls); // no call at all before the reset
        assertThat(stored(ids)).isZero();
    }

    @Test
    void anOutageMovesNothingAndTheNextPollCatchesUp() {
        List<String> ids = mentions(3);
        fake.failNext("GET", "/2/users/", 503, Map.of(), "{\"title\":\"Service Unavailable\"}");
        XMentionsPoller poller = poller(10);

        assertThat(poller.pollOnce().received()).isZero();
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.DEGRADED);
        assertThat(cursors.get(connector)).isEmpty();

        assertThat(poller.pollOnce().accepted()).isEqualTo(3);
        assertThat(health.of(connector).state()).isEqualTo(ConnectorHealth.State.UP);
        assertThat(stored(ids)).isEqualTo(3);
    }

    @Test
    void garbageFromThePlatformIsSkippedAndTheRestAccepted() {
        List<String> ids = mentions(2);
        ObjectNode noAuthor = FakeXServer.tweet(FakeXServer.nextId(), "1", "who wrote this?");
        noAuthor.remove("author_id");
        fake.addMention(noAuthor, FakeXServer.user("1", "ghost", 0));
        fake.failNext("GET", "/2/users/", 200, Map.of(), "<html>this is not the API</html>");
        XMentionsPoller poller = poller(10);

        assertThat(poller.pollOnce().received()).isZero(); // the garbage page: nothing read, cursor kept
        assertThat(cursors.get(connector)).isEmpty();

        XMentionsPoller.Poll poll = poller.pollOnce();
        assertThat(poll.accepted()).isEqualTo(2);
        assertThat(poll.garbage()).isEqualTo(1);
        assertThat(stored(ids)).isEqualTo(2);
    }
}
