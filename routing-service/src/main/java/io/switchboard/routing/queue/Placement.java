package io.switchboard.routing.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.switchboard.events.mention.Sentiment;

/**
 * Which queue a new ticket goes to: the supervisors' queue for a negative ticket from a high-reach
 * customer; else the first matching rule; else the default queue of the team ticket-service hinted;
 * else the default queue.
 */
public final class Placement {

    public record Settings(String defaultQueueId, String escalationQueueId, int minFollowers, double maxSentimentScore) {
    }

    /** @param escalated true when it went to the supervisors' queue */
    public record Decision(String queueId, boolean escalated, String because) {
    }

    private final Settings settings;

    public Placement(Settings settings) {
        this.settings = settings;
    }

    public Decision place(TicketFacts ticket, List<PlacementRule> rules, Map<String, Queue> queues) {
        if (isHighReachNegative(ticket) && queues.containsKey(settings.escalationQueueId())) {
            return new Decision(settings.escalationQueueId(), true, "negative, high reach");
        }
        List<PlacementRule> ordered = rules.stream()
                .sorted(Comparator.comparingInt(PlacementRule::position).thenComparing(PlacementRule::id))
                .toList();
        for (PlacementRule rule : ordered) {
            if (rule.matches(ticket) && queues.containsKey(rule.queueId())) {
                return new Decision(rule.queueId(), rule.queueId().equals(settings.escalationQueueId()), "rule " + rule.name());
            }
        }
        if (ticket.teamHint() != null) {
            for (Queue queue : queues.values()) {
                if (queue.teamDefault() && queue.team().equals(ticket.teamHint())) {
                    return new Decision(queue.id(), queue.id().equals(settings.escalationQueueId()), "team hint");
                }
            }
        }
        return new Decision(settings.defaultQueueId(), false, "default");
    }

    public boolean isHighReachNegative(TicketFacts ticket) {
        Sentiment sentiment = ticket.sentiment();
        return sentiment != null
                && sentiment.label() == Sentiment.Label.NEGATIVE
                && sentiment.score() <= settings.maxSentimentScore()
                && ticket.followerCount() != null
                && ticket.followerCount() >= settings.minFollowers();
    }
}
