package io.switchboard.mention.channel.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Channel;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.testing.Db;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The bundled recorded conversations, replayed through the real ingestion path. */
@QuarkusTest
class ReplaySourceTest {

    @Inject
    ReplaySource replay;

    @Inject
    ReplayConfig config;

    @Inject
    Pool pool;

    @Test
    void everyRecordedPostIsIngestedOnceAndTheBrandsOwnTurnsAreNotActionable() {
        List<List<Mention>> conversations = RecordedConversations.load(config.resource(), "");
        assertThat(conversations).hasSize(120);
        List<Mention> all = conversations.stream().flatMap(List::stream).toList();
        Mention brandTurn = all.stream().filter(m -> m.author().handle().equals(m.brandAccount())).findFirst().orElseThrow();
        Mention customerTurn = conversations.get(0).get(0);
        assertThat(customerTurn.inReplyToExternalId()).isNull();

        // Started twice: the second run is refused while the first runs, and a rerun (an earlier test
        // run, a restart) would only find duplicates.
        assertThat(replay.start(1, Duration.ZERO, Duration.ZERO)).isPresent();
        assertThat(replay.start(1, Duration.ZERO, Duration.ZERO)).isEmpty();

        await().atMost(Duration.ofSeconds(90)).until(() -> all.stream().allMatch(m ->
                Db.mentions(pool, Channel.REPLAY, m.externalId()) == 1));
        assertThat(actionable(brandTurn)).isFalse();
        assertThat(conversations.get(0).get(conversations.get(0).size() - 1).conversationId())
                .isEqualTo(customerTurn.externalId());
    }

    private boolean actionable(Mention m) {
        return pool.preparedQuery("select actionable from mention where channel = 'REPLAY' and external_id = $1")
                .execute(Tuple.of(m.externalId())).map(rows -> rows.iterator().next().getBoolean(0))
                .await().atMost(Duration.ofSeconds(5));
    }
}
