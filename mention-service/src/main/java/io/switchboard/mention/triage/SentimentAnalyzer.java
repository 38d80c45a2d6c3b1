package io.switchboard.mention.triage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.mention.Sentiment;

/**
 * Polarity from a valence lexicon in the manner of VADER: each known word or emoticon carries a
 * valence from -3 to +3, a negation within the three words before it flips and damps it, an
 * intensifier strengthens it, shouting and exclamation marks add emphasis, and the sum is squashed
 * into -1..1. Customer-care words ("refund", "waiting", "charged") carry the valence they have in
 * a complaint, which a general-purpose lexicon would miss.
 */
public final class SentimentAnalyzer {

    private static final Map<String, Double> VALENCE = new HashMap<>();
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "dont", "doesnt", "didnt", "isnt",
            "arent", "wasnt", "werent", "cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt",
            "hadnt", "aint", "nothing", "nobody", "without", "neither", "nor", "nope");
    private static final Set<String> INTENSIFIERS = Set.of("very", "so", "really", "extremely", "totally",
            "absolutely", "completely", "super", "incredibly", "such", "too", "most", "fucking", "freaking", "utterly");
    private static final List<String> NEGATIVE_PHRASES = List.of("not working", "doesnt work", "does not work",
            "dont work", "isnt working", "stopped working", "still waiting", "no response", "no answer", "no reply",
            "not happy", "fed up", "waste of", "rip off", "ripped off", "taken my money", "what the hell", "wtf",
            "cant log", "cant access", "cannot access", "locked out", "keeps crashing", "been charged",
            "charged twice", "never received", "still not", "sort it out", "shame on", "not good enough");
    private static final List<String> POSITIVE_PHRASES = List.of("thanks so much", "thank you so much", "well done",
            "big thanks", "love it", "love you", "good job", "great job", "works now", "working now", "sorted it",
            "all good", "you rock", "much appreciated");

    static {
        words(-3, "worst", "horrible", "terrible", "awful", "disgusting", "pathetic", "useless", "hate", "furious",
                "scam", "scammed", "fraud", "stolen", "ridiculous", "unacceptable", "disgraceful", "shit", "shitty",
                "fuck", "fucked", "garbage", "trash", "rubbish", "incompetent", "nightmare", "sucks",
                "hacked", "outraged", "appalling", "atrocious", "lies", "liars", "lying", "theft");
        words(-2, "bad", "broken", "angry", "annoyed", "annoying", "disappointed", "disappointing", "frustrated",
                "frustrating", "upset", "poor", "fail", "failed", "failing", "failure", "error", "errors", "crash",
                "crashes", "crashed", "crashing", "wrong", "problem", "problems", "issue", "issues", "lost", "missing",
                "ignored", "ignoring", "rude", "slow", "bug", "bugs", "buggy", "stuck", "scared", "worried", "sad",
                "unhappy", "hell", "damn", "stupid", "dumb", "suspended", "banned", "disabled", "deleted", "refused",
                "declined", "unable", "overcharged", "charged", "lag", "laggy", "glitch", "glitched", "freezes",
                "freezing", "frozen", "dead", "worse", "mess", "messed", "sick", "tired", "complaint", "cancelled",
                "canceled", "delayed", "delay", "ruined", "ugh", "wtf", "smh", "outage", "locked");
        words(-1, "waiting", "wait", "waited", "still", "again", "cant", "cannot", "unfortunately", "confused",
                "confusing", "difficult", "hard", "late", "refund", "joke", "struggling", "struggle",
                "doesnt", "didnt", "wont", "isnt", "havent", "hasnt", "unable", "nobody", "nothing", "never", "lose",
                "losing", "expensive", "weird", "billed", "gouging", "non", "functioning",
                "strange", "removed", "blocked", "denied", "problematic", "unresolved", "disconnected", "restricted");
        words(1, "ok", "okay", "fine", "fair", "resolved", "fixed", "solved", "sorted", "hopefully", "interested",
                "liked", "glad", "better", "nice", "cool", "appreciate", "smooth", "pleased", "useful", "helpful", "yay");
        words(2, "good", "great", "happy", "love", "loved", "lovely", "awesome",
                "excellent", "fantastic", "wonderful", "amazing", "perfect", "brilliant", "best", "enjoy", "enjoyed",
                "impressed", "grateful", "thankful", "appreciated", "superb", "fab", "fabulous", "legend", "hero",
                "outstanding", "stellar", "delighted", "excited", "beautiful", "recommend");
        words(3, "incredible", "phenomenal", "flawless", "exceptional");
    }

    private static final Map<String, Double> EMOTICONS = Map.of(":(", -2.0, ":-(", -2.0, ":'(", -2.5, ":/", -1.0,
            ">:(", -3.0, ":)", 2.0, ":-)", 2.0, ":d", 2.0, "<3", 2.5);

    private static final Map<Integer, Double> EMOJI = Map.ofEntries(
            Map.entry(0x1F621, -3.0), Map.entry(0x1F620, -3.0), Map.entry(0x1F92C, -3.0), Map.entry(0x1F624, -2.0),
            Map.entry(0x1F62D, -2.0), Map.entry(0x1F622, -2.0), Map.entry(0x1F61E, -2.0), Map.entry(0x1F612, -1.5),
            Map.entry(0x1F644, -1.5), Map.entry(0x1F629, -2.0), Map.entry(0x1F62B, -2.0), Map.entry(0x1F615, -1.0),
            Map.entry(0x1F641, -1.5), Map.entry(0x2639, -1.5), Map.entry(0x1F611, -1.0), Map.entry(0x1F610, -0.5),
            Map.entry(0x1F44E, -2.0), Map.entry(0x1F494, -2.0), Map.entry(0x1F926, -1.5), Map.entry(0x1F937, -0.5),
            Map.entry(0x1F60A, 2.0), Map.entry(0x1F642, 1.5), Map.entry(0x1F600, 2.0), Map.entry(0x1F603, 2.0),
            Map.entry(0x1F604, 2.0), Map.entry(0x1F601, 2.0), Map.entry(0x1F60D, 3.0), Map.entry(0x1F970, 3.0),
            Map.entry(0x2764, 2.5), Map.entry(0x1F495, 2.5), Map.entry(0x1F49C, 2.5), Map.entry(0x1F499, 2.5),
            Map.entry(0x1F44D, 2.0), Map.entry(0x1F64F, 1.0), Map.entry(0x1F389, 2.0), Map.entry(0x1F44F, 2.0),
            Map.entry(0x1F525, 1.5), Map.entry(0x1F602, 1.0), Map.entry(0x1F923, 1.0), Map.entry(0x2705, 1.0));

    /**
     * Politeness, not feeling: "please help, thanks" closes most complaints. It counts a little
     * on its own and nothing at all in a post that reports a problem.
     */
    private static final Set<String> POLITENESS = Set.of("thanks", "thank", "thx", "ty", "please", "pls", "cheers",
            "hope", "welcome", "kindly", "appreciated");

    private static void words(double valence, String... words) {
        for (String w : words) {
            VALENCE.put(w, valence);
        }
    }

    /**
     * @param problemReported the post reports something broken or missing (see IntentClassifier):
     *     such a post is negative however politely it is put
     */
    public Sentiment analyze(String text, TextFeatures f, boolean problemReported) {
        double positive = 0;
        double negative = problemReported ? -1.0 : 0;
        List<String> words = f.words();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Double v = POLITENESS.contains(word) ? (problemReported ? null : 0.3) : VALENCE.get(word);
            if (v == null) {
                continue;
            }
            double valence = v;
            if (i > 0 && INTENSIFIERS.contains(words.get(i - 1))) {
                valence *= 1.4;
            }
            if (negated(words, i) && !NEGATIONS.contains(words.get(i))) {
                valence *= -0.6;
            }
            if (valence > 0) {
                positive += valence;
            } else {
                negative += valence;
            }
        }
        for (String p : NEGATIVE_PHRASES) {
            if (f.hasPhrase(p)) {
                negative -= 1.5;
            }
        }
        for (String p : POSITIVE_PHRASES) {
            if (f.hasPhrase(p)) {
                positive += 1.0;
            }
        }
        for (Map.Entry<String, Double> e : EMOTICONS.entrySet()) {
            String key = e.getKey();
            if (standsAlone(f.lower(), key)) {
                if (e.getValue() > 0) {
                    positive += e.getValue();
                } else {
                    negative += e.getValue();
                }
            }
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Double v = EMOJI.get(cp);
            if (v != null) {
                if (v > 0) {
                    positive += v;
                } else {
                    negative += v;
                }
            }
        }
        double sum = positive + negative;
        double emphasis = Math.min(f.exclamations(), 4) * 0.3 + (f.shouting() ? 1.0 : 0.0);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double score = sum / Math.sqrt(sum * sum + 15);
        score = Math.max(-1.0, Math.min(1.0, score));
        return new Sentiment(label(score, positive, negative), Math.round(score * 1000) / 1000.0);
    }

    private static Sentiment.Label label(double score, double positive, double negative) {
        if (positive >= 2 && negative <= -2 && Math.abs(score) < 0.35) {
            return Sentiment.Label.MIXED;
        }
        if (score >= 0.2) {
            return Sentiment.Label.POSITIVE;
        }
        if (score <= -0.2) {
            return Sentiment.Label.NEGATIVE;
        }
        return Sentiment.Label.NEUTRAL;
    }

    /** An emoticon between spaces (or at an end), so "https://" is not a ":/". */
    private static boolean standsAlone(String text, String emoticon) {
        int at = text.indexOf(emoticon);
        while (at >= 0) {
            int end = at + emoticon.length();
            if ((at == 0 || Character.isWhitespace(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '/')) {
                return true;
            }
            at = text.indexOf(emoticon, at + 1);
        }
        return false;
    }

    private static boolean negated(List<String> words, int i) {
        for (int j = Math.max(0, i - 3); j < i; j++) {
            if (NEGATIONS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }
}
