package io.switchboard.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;

/** Channel limits and the agent's signature per brand convention. */
class ChannelRulesTest {

    @Test
    void theComposersLimitsAreTicketServicesLimits() {
        assertThat(ChannelLimits.maxLength(Channel.X, Visibility.PUBLIC)).isEqualTo(280);
        assertThat(ChannelLimits.maxLength(Channel.X, Visibility.PRIVATE)).isEqualTo(10_000);
        assertThat(ChannelLimits.maxLength(Channel.MASTODON, Visibility.PUBLIC)).isEqualTo(500);
        assertThat(ChannelLimits.maxLength(Channel.BLUESKY, Visibility.PUBLIC)).isEqualTo(300);
        assertThat(ChannelLimits.maxLength(Channel.ASK_US, Visibility.PRIVATE)).isEqualTo(20_000);
        // The ask-us form answers by e-mail only: there is no public reply to limit.
        assertThat(ChannelLimits.maxLength(Channel.ASK_US, Visibility.PUBLIC)).isNull();
    }

    @Test
    void signaturesFollowTheChannelsConvention() {
        Signatures signatures = new Signatures() {
            @Override
            public Map<String, String> channels() {
                return Map.of("X", " ^{initials}", "ASK_US", "\\n\\nBest regards,\\n{firstName}");
            }

            @Override
            public String fallback() {
                return " —{name}";
            }
        };
        assertThat(signatures.forAgent(Channel.X, "Ava Lindqvist")).isEqualTo(" ^AL");
        assertThat(signatures.forAgent(Channel.ASK_US, "Mateo García")).isEqualTo("\n\nBest regards,\nMateo");
        assertThat(signatures.forAgent(Channel.BLUESKY, "Sam Okafor")).isEqualTo(" —Sam Okafor");
    }
}
