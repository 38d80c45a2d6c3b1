package io.switchboard.events.mention;

import io.switchboard.events.Require;

/**
 * The tone of a post. {@code score} is the polarity from -1.0 (very negative) to 1.0 (very
 * positive), so routing can rank "how angry" rather than only "negative or not".
 */
public record Sentiment(Label label, double score) {

    public enum Label {
        NEGATIVE,
        NEUTRAL,
        POSITIVE,
        MIXED
    }

    public Sentiment {
        Require.present(label, "sentiment.label");
        Require.between(score, -1.0, 1.0, "sentiment.score");
    }
}
