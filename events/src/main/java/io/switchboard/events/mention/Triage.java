package io.switchboard.events.mention;

import io.switchboard.events.Require;
import java.util.List;

/**
 * What mention-service concluded about a post, so no later service re-analyses the text.
 *
 * @param language detected language (BCP 47), null when too short to tell
 * @param pii personal data found in the post's text
 * @param redactedText the text with every PII finding masked; safe to log and to show in lists
 * @param urgent needs a person quickly (safety, legal threat, outage), whatever the score
 * @param priorityScore 0 (can wait) to 100 (answer first), from sentiment, intent, reach, urgency
 * @param actionable needs a person; non-actionable mentions are recorded but open no ticket
 * @param reasons short codes explaining the decision, shown to supervisors (e.g. {@code high-reach})
 */
public record Triage(
        String language,
        Sentiment sentiment,
        Intent intent,
        List<PiiFinding> pii,
        String redactedText,
        boolean spam,
        boolean urgent,
        int priorityScore,
        boolean actionable,
        List<String> reasons) {

    public Triage {
        Require.present(sentiment, "triage.sentiment");
        Require.present(intent, "triage.intent");
        pii = Require.list(pii, "triage.pii");
        Require.present(redactedText, "triage.redactedText");
        Require.between(priorityScore, 0, 100, "triage.priorityScore");
        reasons = Require.list(reasons, "triage.reasons");
    }
}
