package io.switchboard.ticket.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;

class ChannelRulesTest {

    @Test
    void aPublicXReplyCountsLikeX() {
        assertThat(ChannelRules.limit(Channel.X, Visibility.PUBLIC).max()).isEqualTo(280);
        assertThat(ChannelRules.length(Channel.X, Visibility.PUBLIC, "a".repeat(280))).isEqualTo(280);
        // Every link is 23, however long.
        assertThat(ChannelRules.length(Channel.X, Visibility.PUBLIC, "see https://example.com/" + "x".repeat(300)))
                .isEqualTo(4 + 23);
        // CJK and emoji weigh 2; accents and typographic punctuation 1.
        assertThat(ChannelRules.length(Channel.X, Visibility.PUBLIC, "日本")).isEqualTo(4);
        assertThat(ChannelRules.length(Channel.X, Visibility.PUBLIC, "😀")).isEqualTo(2);
        assertThat(ChannelRules.length(Channel.X, Visibility.PUBLIC, "café – “ok”")).isEqualTo(11);
    }

    @Test
    void privateMessagesAndOtherChannelsHaveTheirOwnLimits() {
        assertThat(ChannelRules.limit(Channel.X, Visibility.PRIVATE).max()).isEqualTo(10_000);
        assertThat(ChannelRules.limit(Channel.MASTODON, Visibility.PUBLIC).max()).isEqualTo(500);
        assertThat(ChannelRules.limit(Channel.BLUESKY, Visibility.PUBLIC).max()).isEqualTo(300);
        // Bluesky counts graphemes: a family emoji is one.
        assertThat(ChannelRules.length(Channel.BLUESKY, Visibility.PUBLIC, "👨‍👩‍👧")).isEqualTo(1);
    }

    @Test
    void theAskUsFormAnswersOnlyPrivately() {
        assertThat(ChannelRules.refusal(Channel.ASK_US, Visibility.PUBLIC)).contains("PRIVATE");
        assertThat(ChannelRules.refusal(Channel.ASK_US, Visibility.PRIVATE)).isNull();
        assertThat(ChannelRules.refusal(Channel.X, Visibility.PUBLIC)).isNull();
    }
}
