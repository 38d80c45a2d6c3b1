package io.switchboard.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chart's counting: per minute, per channel and sentiment, the last hour only. */
class MentionRateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    private final MentionRate rate = new MentionRate(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void countsPerMinuteByChannelAndSentiment() {
        rate.record(NOW.minusSeconds(10), "X", "NEGATIVE");
        rate.record(NOW.minusSeconds(20), "X", "NEGATIVE");
        rate.record(NOW.minusSeconds(70), "X", "NEGATIVE");
        rate.record(NOW.minusSeconds(5), "MASTODON", "POSITIVE");
        rate.record(NOW.minusSeconds(5), null, null);

        MentionRate.Chart chart = rate.chart(3);
        assertThat(chart.minutes()).containsExactly(Instant.parse("2026-03-02T09:13:00Z"),
                Instant.parse("2026-03-02T09:14:00Z"), Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(chart.series()).containsExactly(
                new MentionRate.Series("MASTODON", "POSITIVE", List.of(0, 0, 1)),
                new MentionRate.Series("UNKNOWN", "UNKNOWN", List.of(0, 0, 1)),
                new MentionRate.Series("X", "NEGATIVE", List.of(0, 1, 2)));
    }

    @Test
    void forgetsWhatIsOlderThanAnHour() {
        rate.record(NOW.minusSeconds(3600 * 2), "X", "NEUTRAL");
        assertThat(rate.chart(60).series()).isEmpty();
        assertThat(rate.chart(500).minutes()).hasSize(60);
    }
}
