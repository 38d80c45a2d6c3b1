package io.switchboard.mention.triage;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.mention.Triage;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.triage.pii.PiiDetector;
import io.switchboard.mention.triage.pii.PiiSpan;

/**
 * Triage of one mention, in-process and without any network call: language, sentiment, intent,
 * personal data, priority and whether a person needs to see it. Thread-safe; a few microseconds
 * per post (README, "Triage").
 */
public final class Triager {

    /** The redacted text of a post whose personal data could not be checked: nothing of it is shown. */
    static final String WITHHELD = "[withheld: the text could not be checked for personal data]";

    private final BrandAccounts brand;
    private final LanguageDetector languages = new LanguageDetector();
    private final SentimentAnalyzer sentiments = new SentimentAnalyzer();
    private final IntentClassifier intents = new IntentClassifier();
    private final PiiDetector pii;
    private final PriorityScorer priorities = new PriorityScorer();

    public Triager(BrandAccounts brand) {
        this(brand, new PiiDetector());
    }

    public Triager(BrandAccounts brand, PiiDetector pii) {
        this.brand = brand;
        this.pii = pii;
    }

    public Triage assess(Mention mention) {
        String text = mention.text();
        TextFeatures features = TextFeatures.of(text);
        String language = languages.detect(text, features);
        boolean problem = intents.reportsProblem(features);
        Sentiment sentiment = sentiments.analyze(text, features, problem);
        Intent intent = intents.classify(features, sentiment, problem);
        List<PiiSpan> spans;
        boolean piiUnchecked = false;
        try {
            spans = pii.find(text);
        } catch (PiiDetector.Incomplete e) {
            spans = List.of();
            piiUnchecked = true;
        }
        PriorityScorer.Score priority = priorities.score(features, intent, sentiment, mention.author());

        List<String> reasons = new ArrayList<>();
        // The addressed account posting itself (a replayed agent turn, our own reply in a thread) is us too.
        boolean ownPost = brand.isBrand(mention.author()) || (mention.brandAccount() != null
                && mention.brandAccount().equalsIgnoreCase(mention.author().handle()));
        boolean praiseOnly = intent == Intent.PRAISE;
        if (ownPost) {
            reasons.add("brand-own-post");
        }
        if (mention.repost()) {
            reasons.add("repost");
        }
        if (intent == Intent.SPAM) {
            reasons.add("spam");
        }
        if (praiseOnly) {
            reasons.add("praise-only");
        }
        boolean empty = features.words().isEmpty() && mention.media().isEmpty();
        if (empty) {
            reasons.add("no-content");
        }
        boolean closing = intent == Intent.OTHER && IntentClassifier.closing(features);
        if (closing) {
            reasons.add("resolved");
        }
        boolean actionable = !ownPost && !mention.repost() && intent != Intent.SPAM && !praiseOnly && !empty
                && !closing;
        if (sentiment.label() == Sentiment.Label.NEGATIVE) {
            reasons.add("negative-sentiment");
        }
        if (priority.urgent()) {
            reasons.add("urgent");
        }
        if (priority.highReach()) {
            reasons.add("high-reach");
        }
        if (!spans.isEmpty()) {
            reasons.add("contains-pii");
        }
        if (piiUnchecked) {
            reasons.add("pii-unchecked");
        }
        List<PiiFinding> findings = spans.stream().map(PiiSpan::toFinding).toList();
        String redacted = piiUnchecked ? WITHHELD : PiiDetector.redact(text, spans);
        return new Triage(language, sentiment, intent, findings, redacted,
                intent == Intent.SPAM, priority.urgent() && actionable, priority.value(), actionable, reasons);
    }
}
