package io.switchboard.ticket.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;

/**
 * What each channel accepts as a reply: whether it can answer publicly or privately, and how long
 * a reply may be, counted the channel's way.
 */
public final class ChannelRules {

    /** X counts every link as 23 characters, whatever its length (t.co wrapping). */
    static final int X_URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /** A limit and how the channel counts. */
    public record Limit(int max, String unit) {
    }

    private ChannelRules() {
    }

    /** Null when the channel can answer with this visibility, else why not. */
    public static String refusal(Channel channel, Visibility visibility) {
        if (channel == Channel.ASK_US && visibility == Visibility.PUBLIC) {
            return "The ask-us form has no public channel: its replies go by e-mail. Send it with visibility PRIVATE.";
        }
        return null;
    }

    public static Limit limit(Channel channel, Visibility visibility) {
        return switch (channel) {
            case X, REPLAY -> visibility == Visibility.PUBLIC ? new Limit(280, "characters as X counts them")
                    : new Limit(10_000, "characters");
            case MASTODON -> new Limit(500, "characters");
            case BLUESKY -> visibility == Visibility.PUBLIC ? new Limit(300, "characters (graphemes)")
                    : new Limit(1_000, "characters (graphemes)");
            case WEBHOOK -> new Limit(5_000, "characters");
            case ASK_US -> new Limit(20_000, "characters");
        };
    }

    /** The reply's length as the channel counts it. */
    public static int length(Channel channel, Visibility visibility, String text) {
        return switch (channel) {
            case X, REPLAY -> visibility == Visibility.PUBLIC ? xWeightedLength(text) : codePoints(text);
            case BLUESKY -> graphemes(text);
            default -> codePoints(text);
        };
    }

    /**
     * X's weighted length (twitter-text v3): links count 23; code points in the Latin, general
     * punctuation and similar ranges count 1; everything else (CJK, emoji) counts 2.
     */
    static int xWeightedLength(String text) {
        int length = 0;
        int last = 0;
        Matcher url = URL.matcher(text);
        while (url.find()) {
            length += weighted(text.substring(last, url.start())) + X_URL_WEIGHT;
            last = url.end();
        }
        return length + weighted(text.substring(last));
    }

    private static int weighted(String text) {
        return text.codePoints().map(cp -> light(cp) ? 1 : 2).sum();
    }

    private static boolean light(int cp) {
        return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /** User-perceived characters (extended grapheme clusters: an emoji family is one). */
    private static int graphemes(String text) {
        Matcher cluster = GRAPHEME.matcher(text);
        int count = 0;
        while (cluster.find()) {
            count++;
        }
        return count;
    }
}
