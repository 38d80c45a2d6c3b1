package io.switchboard.mention.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A post reduced to what the classifiers read: lower-case word tokens without @handles, URLs and
 * the hashtag sign, plus the few surface signals (question marks, exclamations, shouting).
 * Computed once per mention and shared by every classifier.
 */
public record TextFeatures(String lower, List<String> words, String joined, int questionMarks, int exclamations,
        boolean shouting) {

    public static TextFeatures of(String text) {
        List<String> words = new ArrayList<>();
        int questions = 0;
        int exclamations = 0;
        int upper = 0;
        int letters = 0;
        StringBuilder word = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == '@') || startsUrl(text, i)) {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                flush(word, words);
                continue;
            }
            if (c == '?' || c == '\uFF1F' || c == '\u00BF') {
                questions++;
            } else if (c == '!' || c == '\u00A1') {
                exclamations++;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019') {
                word.append(c == '\u2019' ? '\'' : Character.toLowerCase(c));
            } else {
                flush(word, words);
            }
            i++;
        }
        flush(word, words);
        return new TextFeatures(text.toLowerCase(Locale.ROOT), List.copyOf(words), " " + String.join(" ", words) + " ",
                questions, exclamations,
                letters >= 12 && upper * 10 >= letters * 7);
    }

    private static boolean startsUrl(String text, int i) {
        return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            // "isn't" and "isnt" are the same word to every lexicon here, and so are "heeeelp" and "help".
            words.add(squeeze(word.toString().replace("'", "")));
            word.setLength(0);
        }
    }

    /** Runs of three or more of one letter become one: "sooooo" → "so", "heeeelp" → "help". */
    static String squeeze(String w) {
        StringBuilder out = null;
        int i = 0;
        while (i < w.length()) {
            char c = w.charAt(i);
            int j = i;
            while (j < w.length() && w.charAt(j) == c) {
                j++;
            }
            if (j - i >= 3 && out == null) {
                out = new StringBuilder(w.length()).append(w, 0, i);
            }
            if (out != null) {
                out.append(c);
                if (j - i == 2) {
                    out.append(c);
                }
            }
            i = j;
        }
        return out == null ? w : out.toString();
    }

    public boolean has(String word) {
        return words.contains(word);
    }

    /** Whether the words contain the phrase (words separated by single spaces, e.g. "not working"). */
    public boolean hasPhrase(String phrase) {
        // joined starts and ends with a space; look for the phrase between two spaces, allocation-free.
        int at = joined.indexOf(phrase, 1);
        while (at > 0) {
            int end = at + phrase.length();
            if (joined.charAt(at - 1) == ' ' && end < joined.length() && joined.charAt(end) == ' ') {
                return true;
            }
            at = joined.indexOf(phrase, at + 1);
        }
        return false;
    }

    public boolean hasAnyPhrase(List<String> phrases) {
        for (String p : phrases) {
            if (hasPhrase(p)) {
                return true;
            }
        }
        return false;
    }
}
