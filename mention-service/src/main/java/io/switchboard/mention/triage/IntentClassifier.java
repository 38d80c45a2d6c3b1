package io.switchboard.mention.triage;

import java.util.List;
import java.util.Set;

import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;

/**
 * What the customer wants, by rules read off real customer-care posts (see the README for the
 * labelled set and the accuracy). Precedence: spam first (never routed); a closing "it's sorted
 * now"; then a reported problem (a complaint, even when phrased as a question or wrapped in
 * thanks: "why isn't my game installing?"); then praise, an explicit ask for an action, a question.
 */
public final class IntentClassifier {

    private static final List<String> SPAM = List.of("follow me", "follow back", "followback", "check out my",
            "check my profile", "free followers", "buy followers", "dm for promo", "dm for collab", "promo code",
            "giveaway", "click here", "click the link", "earn money", "make money", "work from home", "bitcoin",
            "crypto", "forex", "onlyfans", "sugar daddy", "subscribe to my", "sub to my", "visit my",
            "100 free", "limited offer", "cheap followers", "nft drop", "airdrop", "watch now", "stream now",
            "is live", "link in bio");
    private static final List<String> PROBLEM_PHRASES = List.of("not working", "stopped working", "not loading",
            "keeps", "keep getting", "still waiting", "still no", "still not", "no response", "no reply",
            "no answer", "been charged", "charged me", "got charged", "charged twice", "double charged", "billed",
            "locked out", "lock out", "got hacked", "been hacked", "was hacked", "taken down", "went down", "is down",
            "are down", "disappeared", "is missing", "are missing", "got deleted", "been suspended", "got banned",
            "been banned", "been disabled", "wrong", "for hours", "for days", "for weeks", "for months",
            "what happened", "going on", "sort this", "sort it out", "fix this", "fix it", "rip off", "got into my",
            "using my email", "have yet to", "yet to receive", "non functioning", "price gouging", "gouging",
            "why did you", "no way to", "struggling", "signed out", "terminated", "doing nothing");
    private static final Set<String> PROBLEM_WORDS = Set.of("error", "errors", "broken", "broke", "crash",
            "crashes", "crashed", "crashing", "bug", "bugs", "buggy", "glitch", "glitched", "glitching", "issue",
            "issues", "problem", "problems", "fail", "failed", "failing", "fails", "failure", "stuck", "freezes",
            "freezing", "frozen", "lag", "lagging", "laggy", "outage", "suspended", "banned", "disabled", "hacked",
            "scam", "scammed", "fraud", "stolen", "refund", "overcharged", "cancelled", "canceled", "delayed", "lost",
            "unacceptable", "terrible", "horrible", "worst", "awful", "ridiculous", "useless", "pathetic",
            "disappointed", "frustrated", "frustrating", "annoying", "disconnected", "disconnecting",
            "disconnects", "declined", "restricted", "compromised", "unresolved", "complaint", "trouble", "missing",
            "unavailable", "rejected", "refused", "refuses", "deleted", "blocked");
    /** Negated verbs: in a post to customer care, "can't", "won't", "didn't" almost always report a fault. */
    private static final Set<String> NEGATED = Set.of("cant", "cannot", "wont", "isnt", "arent", "didnt", "doesnt",
            "dont", "havent", "hasnt", "wasnt", "werent", "couldnt", "not", "never", "unable", "nothing", "nowhere",
            "aint");
    private static final List<String> RESOLVED = List.of("sorted now", "its sorted", "all sorted", "works now",
            "working now", "fixed now", "resolved now", "its fixed", "its resolved", "never mind", "nevermind",
            "no worries", "all good now", "figured it out", "got it working", "problem solved");
    private static final List<String> REQUEST_PHRASES = List.of("please", "pls", "plz", "can you", "could you",
            "would you", "will you", "can u", "i need", "i want", "i would like", "id like", "help", "dm me",
            "message me", "contact me", "get back to me", "let me know", "kindly", "i request", "requesting",
            "cancel my", "delete my", "reset my", "change my", "update my", "unlock my", "restore my",
            "recover my", "reactivate", "unban", "look into", "put up", "make it", "would be awesome",
            "would be great", "we would like", "i expect");
    private static final Set<String> QUESTION_OPENERS = Set.of("how", "what", "why", "when", "where", "which", "who",
            "is", "are", "can", "could", "do", "does", "did", "will", "would", "should", "has", "have", "any",
            "anyone", "whats", "hows", "wheres", "whens", "anyway", "cual", "como", "que", "por", "quand", "comment",
            "pourquoi", "wie", "warum", "wann");
    private static final List<String> PRAISE_PHRASES = List.of("thank you", "thanks", "thx", "love", "great job",
            "good job", "well done", "awesome", "amazing", "appreciate", "you rock", "best", "excellent", "fantastic",
            "brilliant", "perfect", "legend", "kudos", "shout out", "shoutout", "props to", "its alright");
    /** Words that carry no request of their own; what is left after them tells praise-only from a post. */
    private static final Set<String> FILLER = Set.of("thank", "thanks", "you", "so", "much", "for", "the", "a",
            "your", "help", "helping", "all", "guys", "team", "again", "very", "really", "great", "awesome", "love",
            "it", "this", "that", "amazing", "best", "hi", "hey", "i", "we", "and", "to", "is", "was", "are", "my",
            "our", "me", "of", "just", "its", "thx", "appreciate", "appreciated", "excellent", "fantastic",
            "brilliant", "perfect", "legend", "kudos", "support", "service", "job", "good", "well", "done", "quick",
            "fast", "response", "reply", "in", "checking", "alright", "no", "worries", "ok", "okay", "cheers", "now",
            "works", "working", "sorted", "fixed", "with", "on", "be", "will", "handle", "go");

    /** Whether the post reports something broken, missing or wrong. */
    public boolean reportsProblem(TextFeatures f) {
        List<String> words = f.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (PROBLEM_WORDS.contains(w) || (NEGATED.contains(w) && !alternative(words, i))) {
                return true;
            }
        }
        return f.hasAnyPhrase(PROBLEM_PHRASES);
    }

    public Intent classify(TextFeatures f, Sentiment sentiment, boolean problem) {
        if (spam(f)) {
            return Intent.SPAM;
        }
        boolean question = question(f);
        if (f.hasAnyPhrase(RESOLVED) && !question) {
            return praiseOnly(f) ? Intent.PRAISE : Intent.OTHER;
        }
        if (problem) {
            return Intent.COMPLAINT;
        }
        if (sentiment.score() <= -0.45 && !question) {
            return Intent.COMPLAINT;
        }
        boolean request = f.hasAnyPhrase(REQUEST_PHRASES);
        if (f.hasAnyPhrase(PRAISE_PHRASES) && sentiment.score() > 0 && !question && praiseOnly(f)) {
            return Intent.PRAISE;
        }
        if (request && !(question && startsAsQuestion(f) && !f.hasAnyPhrase(List.of("please", "pls", "plz")))) {
            return Intent.REQUEST;
        }
        if (question) {
            return Intent.QUESTION;
        }
        if (sentiment.label() == Sentiment.Label.NEGATIVE) {
            return Intent.COMPLAINT;
        }
        return Intent.OTHER;
    }

    /** "... or not", "when not": the negation offers an alternative, it reports nothing. */
    private static boolean alternative(List<String> words, int i) {
        return words.get(i).equals("not") && i > 0 && Set.of("or", "when", "if", "whether").contains(words.get(i - 1));
    }

    /** "It's sorted now", "never mind": the customer closes the conversation themselves. */
    static boolean closing(TextFeatures f) {
        return f.hasAnyPhrase(RESOLVED) && !question(f);
    }

    static boolean spam(TextFeatures f) {
        if (f.hasAnyPhrase(SPAM)) {
            return true;
        }
        long hashtags = f.lower().chars().filter(c -> c == '#').count();
        return hashtags >= 6;
    }

    private static boolean question(TextFeatures f) {
        return f.questionMarks() > 0 || startsAsQuestion(f);
    }

    private static boolean startsAsQuestion(TextFeatures f) {
        return !f.words().isEmpty() && QUESTION_OPENERS.contains(f.words().get(0)) && f.words().size() > 2;
    }

    /** Thanks and kind words and (almost) nothing else: nobody needs to answer it. */
    static boolean praiseOnly(TextFeatures f) {
        long content = f.words().stream().filter(w -> !FILLER.contains(w)).count();
        return content <= 3;
    }
}
