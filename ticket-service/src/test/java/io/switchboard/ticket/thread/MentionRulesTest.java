package io.switchboard.ticket.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.mention.Triage;
import io.switchboard.events.ticket.Priority;
import io.switchboard.ticket.testing.Mentions;

class MentionRulesTest {

    private final MentionRules rules = new MentionRules(config(Set.of(Channel.ASK_US), List.of("Refund", " hacked ")));

    @Test
    void actionableMentionsAreTicketedAndOthersCountedWithTheirReason() {
        assertThat(rules.ignoreReason(post("My order is late", Mentions.actionable("x")))).isNull();
        assertThat(rules.ignoreReason(post("Love it", Mentions.notActionable("x")))).isEqualTo(IgnoredMention.NOT_ACTIONABLE);
        assertThat(rules.ignoreReason(post("Free followers", Mentions.spam("x")))).isEqualTo(IgnoredMention.SPAM);
    }

    @Test
    void aKeywordRuleOverridesNotActionableCaseInsensitively() {
        assertThat(rules.ignoreReason(post("Where is my REFUND, love you anyway", Mentions.notActionable("x")))).isNull();
        assertThat(rules.ignoreReason(post("I think I got Hacked", Mentions.notActionable("x")))).isNull();
    }

    @Test
    void aChannelRuleOverridesNotActionableButNeverSpam() {
        MentionReceived form = Mentions.mention(Channel.ASK_US, "a@example.org", null, "f1", "f1", null, "hi",
                Mentions.notActionable("hi"), Instant.now(), null);
        assertThat(rules.ignoreReason(form)).isNull();
        MentionReceived formSpam = Mentions.mention(Channel.ASK_US, "a@example.org", null, "f2", "f2", null, "refund",
                Mentions.spam("refund"), Instant.now(), null);
        assertThat(rules.ignoreReason(formSpam)).isEqualTo(IgnoredMention.SPAM);
    }

    @Test
    void priorityFollowsTriage() {
        assertThat(rules.priority(triage(10, false))).isEqualTo(Priority.LOW);
        assertThat(rules.priority(triage(MentionRules.NORMAL_FROM, false))).isEqualTo(Priority.NORMAL);
        assertThat(rules.priority(triage(MentionRules.HIGH_FROM, false))).isEqualTo(Priority.HIGH);
        assertThat(rules.priority(triage(5, true))).as("urgent whatever the score").isEqualTo(Priority.URGENT);
    }

    @Test
    void theTeamComesFromTheBrandAccountWithOrWithoutItsAt() {
        assertThat(rules.team("acme_tech")).isEqualTo("tech-support");
        assertThat(rules.team("@acme_tech")).isEqualTo("tech-support");
        assertThat(rules.team("acme_help")).isEqualTo("customer-care");
        assertThat(rules.team(null)).isEqualTo("customer-care");
    }

    @Test
    void theSummaryIsTheRedactedTextOnOneLineAndShort() {
        MentionReceived mention = Mentions.post("u", "u", "c", "e", null, "Mail me at a@b.c\n\nplease",
                new Triage("en", new Sentiment(Sentiment.Label.NEUTRAL, 0), Intent.QUESTION, List.of(),
                        "Mail me at [EMAIL]\n\nplease", false, false, 40, true, List.of()), Instant.now());
        assertThat(MentionRules.summary(mention)).isEqualTo("Mail me at [EMAIL] please");
        String longText = "x".repeat(500);
        MentionReceived longPost = Mentions.post("u", "u", "c", "e", null, longText, Mentions.actionable(longText), Instant.now());
        assertThat(MentionRules.summary(longPost)).hasSize(140).endsWith("…");
    }

    private static MentionReceived post(String text, Triage triage) {
        return Mentions.post("u1", "u1", "c1", "e1", null, text, triage, Instant.now());
    }

    private static Triage triage(int score, boolean urgent) {
        return new Triage("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.5), Intent.COMPLAINT, List.of(), "t", false,
                urgent, score, true, List.of());
    }

    private static ThreadingConfig config(Set<Channel> channels, List<String> keywords) {
        return new ThreadingConfig() {
            @Override
            public Duration joinWindow() {
                return Duration.ofHours(24);
            }

            @Override
            public Duration reopenPeriod() {
                return Duration.ofDays(7);
            }

            @Override
            public String defaultTeam() {
                return "customer-care";
            }

            @Override
            public Map<String, String> teamByBrand() {
                return Map.of("acme_tech", "tech-support");
            }

            @Override
            public TicketAnyway ticketAnyway() {
                return new TicketAnyway() {
                    @Override
                    public Optional<Set<Channel>> channels() {
                        return Optional.of(channels);
                    }

                    @Override
                    public Optional<List<String>> keywords() {
                        return Optional.of(keywords);
                    }
                };
            }
        };
    }
}
