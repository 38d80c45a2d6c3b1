package io.switchboard.mention.triage;

import java.util.List;

import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;

/**
 * 0 (can wait) to 100 (answer first): a base by intent, more the angrier the post, a jump for
 * urgency (safety, fraud, legal threats, outages), and more for a customer many people hear.
 */
public final class PriorityScorer {

    static final List<String> URGENT = List.of("urgent", "urgently", "asap", "emergency", "immediately",
            "right now", "fraud", "fraudulent", "hacked", "stolen", "identity theft", "unauthorized",
            "unauthorised", "lawyer", "attorney", "legal action", "sue you", "sue", "court", "police", "danger",
            "dangerous", "unsafe", "injured", "injury", "fire", "outage", "all down", "is down", "data breach",
            "leaked", "scammed", "stranded", "medical");

    public record Score(int value, boolean urgent, boolean highReach) {
    }

    public Score score(TextFeatures f, Intent intent, Sentiment sentiment, Author author) {
        double score = switch (intent) {
            case COMPLAINT -> 50;
            case REQUEST -> 40;
            case QUESTION -> 35;
            case OTHER -> 25;
            case PRAISE -> 10;
            case SPAM -> 0;
        };
        if (sentiment.score() < 0) {
            score += -sentiment.score() * 20;
        }
        boolean urgent = intent != Intent.SPAM && f.hasAnyPhrase(URGENT);
        if (urgent) {
            score += 25;
        }
        int followers = author.followerCount() == null ? 0 : author.followerCount();
        boolean highReach = followers >= 10_000 || author.verified();
        if (followers > 0) {
            score += Math.min(20, Math.log10(followers) * 4);
        }
        if (author.verified()) {
            score += 5;
        }
        int value = (int) Math.round(Math.max(0, Math.min(100, score)));
        return new Score(intent == Intent.SPAM ? 0 : value, urgent, highReach);
    }
}
