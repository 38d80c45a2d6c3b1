package io.switchboard.routing.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Priority;

class PlacementTest {

    private final Placement placement = new Placement(new Placement.Settings("cc", "escalations", 10_000, -0.3));
    private final Map<String, Queue> queues = Map.of(
            "cc", new Queue("cc", "Customer care", "customer-care", Set.of(), true, null, null),
            "tech", new Queue("tech", "Tech", "tech-support", Set.of("technical"), true, null, null),
            "tech-es", new Queue("tech-es", "Tech (es)", "tech-support", Set.of(), false, null, null),
            "vip", new Queue("vip", "VIP", "customer-care", Set.of(), false, null, null),
            "escalations", new Queue("escalations", "Escalations", "supervisors", Set.of(), true, null, null));

    private static PlacementRule rule(int position, String queue, Set<Channel> channels, Set<String> languages,
            Set<Intent> intents, Set<String> tags, Set<Priority> priorities) {
        return new PlacementRule(UUID.randomUUID(), position, "r" + position, queue, channels, languages, intents, tags,
                priorities, true);
    }

    private static TicketFacts facts(Channel channel, String language, Intent intent, Priority priority, Set<String> tags,
            String teamHint, Sentiment sentiment, Integer followers) {
        return new TicketFacts(channel, language, intent, priority, tags, teamHint, sentiment, followers);
    }

    private static TicketFacts plain() {
        return facts(Channel.X, "en", Intent.QUESTION, Priority.NORMAL, Set.of(), null, null, null);
    }

    @Test
    void withoutAMatchTheDefaultQueueTakesIt() {
        assertThat(placement.place(plain(), List.of(), queues).queueId()).isEqualTo("cc");
    }

    @Test
    void everyCriterionOfARuleMustMatch_anyOfItsValues() {
        PlacementRule technicalX = rule(1, "tech", Set.of(Channel.X, Channel.MASTODON), Set.of(), Set.of(Intent.QUESTION),
                Set.of("outage", "login"), Set.of());
        TicketFacts login = facts(Channel.MASTODON, "en", Intent.QUESTION, Priority.NORMAL, Set.of("login", "web"), null, null, null);
        assertThat(placement.place(login, List.of(technicalX), queues).queueId()).isEqualTo("tech");

        TicketFacts otherChannel = facts(Channel.ASK_US, "en", Intent.QUESTION, Priority.NORMAL, Set.of("login"), null, null, null);
        TicketFacts otherIntent = facts(Channel.X, "en", Intent.PRAISE, Priority.NORMAL, Set.of("login"), null, null, null);
        TicketFacts noTag = facts(Channel.X, "en", Intent.QUESTION, Priority.NORMAL, Set.of(), null, null, null);
        for (TicketFacts miss : List.of(otherChannel, otherIntent, noTag)) {
            assertThat(placement.place(miss, List.of(technicalX), queues).queueId()).isEqualTo("cc");
        }
    }

    @Test
    void languageAndPriorityRules() {
        PlacementRule spanish = rule(1, "tech-es", Set.of(), Set.of("es"), Set.of(), Set.of(), Set.of());
        PlacementRule urgent = rule(2, "vip", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Priority.URGENT));
        var rules = List.of(urgent, spanish);
        assertThat(placement.place(facts(Channel.X, "es", Intent.QUESTION, Priority.URGENT, Set.of(), null, null, null), rules,
                queues).queueId()).isEqualTo("tech-es");
        assertThat(placement.place(facts(Channel.X, "en", Intent.QUESTION, Priority.URGENT, Set.of(), null, null, null), rules,
                queues).queueId()).isEqualTo("vip");
        assertThat(placement.place(facts(Channel.X, null, Intent.QUESTION, Priority.LOW, Set.of(), null, null, null), rules,
                queues).queueId()).isEqualTo("cc");
    }

    @Test
    void rulesAreTriedByPosition_disabledOnesAndRulesForMissingQueuesAreSkipped() {
        PlacementRule second = rule(20, "vip", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        PlacementRule first = rule(10, "tech-es", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(placement.place(plain(), List.of(second, first), queues).queueId()).isEqualTo("tech-es");

        PlacementRule disabled = new PlacementRule(UUID.randomUUID(), 1, "off", "tech", Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), false);
        PlacementRule gone = rule(2, "no-such-queue", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(placement.place(plain(), List.of(disabled, gone, second), queues).queueId()).isEqualTo("vip");
    }

    @Test
    void theTeamHintPicksTheTeamsDefaultQueueWhenNoRuleMatches() {
        TicketFacts hinted = facts(Channel.X, "en", Intent.QUESTION, Priority.NORMAL, Set.of(), "tech-support", null, null);
        assertThat(placement.place(hinted, List.of(), queues).queueId()).isEqualTo("tech");
        TicketFacts unknownTeam = facts(Channel.X, "en", Intent.QUESTION, Priority.NORMAL, Set.of(), "nobody", null, null);
        assertThat(placement.place(unknownTeam, List.of(), queues).queueId()).isEqualTo("cc");
    }

    @Test
    void aNegativeTicketFromAHighReachCustomerGoesStraightToTheSupervisors() {
        PlacementRule all = rule(1, "tech", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        TicketFacts angryStar = facts(Channel.X, "en", Intent.COMPLAINT, Priority.HIGH, Set.of(), null,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.8), 250_000);
        Placement.Decision decision = placement.place(angryStar, List.of(all), queues);
        assertThat(decision.queueId()).isEqualTo("escalations");
        assertThat(decision.escalated()).isTrue();

        TicketFacts fewFollowers = facts(Channel.X, "en", Intent.COMPLAINT, Priority.HIGH, Set.of(), null,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.8), 9_999);
        TicketFacts mildlyNegative = facts(Channel.X, "en", Intent.COMPLAINT, Priority.HIGH, Set.of(), null,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.1), 250_000);
        TicketFacts unknownReach = facts(Channel.X, "en", Intent.COMPLAINT, Priority.HIGH, Set.of(), null,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.9), null);
        for (TicketFacts ordinary : List.of(fewFollowers, mildlyNegative, unknownReach)) {
            assertThat(placement.place(ordinary, List.of(all), queues).escalated()).isFalse();
        }
    }
}
