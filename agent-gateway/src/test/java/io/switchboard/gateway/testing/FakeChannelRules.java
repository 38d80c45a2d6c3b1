package io.switchboard.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ticket-service's checks of a reply (its {@code Replies.check} and {@code ChannelRules}), in the same
 * order and with the same 422 problems: no public answer on the ask-us form, no personal data in a
 * public reply (this fake recognises e-mail addresses only), the channel's length counted its way.
 */
final class FakeChannelRules {

    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private record Limit(int max, String unit) {
    }

    private FakeChannelRules() {
    }

    static void check(String channel, String visibility, String text) {
        boolean isPublic = visibility.equals("PUBLIC");
        if (channel.equals("ASK_US") && isPublic) {
            throw refused("visibility-not-available", "The ask-us form has no public channel: its replies go by e-mail."
                    + " Send it with visibility PRIVATE.", List.of(), "PRIVATE");
        }
        if (isPublic) {
            List<int[]> emails = new ArrayList<>();
            Matcher email = EMAIL.matcher(text);
            while (email.find()) {
                emails.add(new int[] { email.start(), email.end() });
            }
            if (!emails.isEmpty()) {
                throw refused("personal-data-in-public-reply", "This public reply contains personal data (an e-mail address)"
                        + " and was not sent: everyone could read it. Answer privately instead (send it again with"
                        + " visibility PRIVATE), or remove the personal data.", emails, "PRIVATE");
            }
        }
        Limit limit = limit(channel, isPublic);
        int length = length(channel, isPublic, text);
        if (length > limit.max()) {
            boolean privateFits = isPublic && length(channel, false, text) <= limit(channel, false).max();
            throw refused("reply-too-long", "This " + visibility.toLowerCase() + " reply on " + channel + " is " + length
                    + " " + limit.unit() + " long; at most " + limit.max() + " fit."
                    + (privateFits ? " Shorten it, or answer privately." : " Shorten it."), List.of(),
                    privateFits ? "PRIVATE" : null);
        }
    }

    private static Limit limit(String channel, boolean isPublic) {
        return switch (channel) {
            case "X", "REPLAY" -> isPublic ? new Limit(280, "characters as X counts them") : new Limit(10_000, "characters");
            case "MASTODON" -> new Limit(500, "characters");
            case "BLUESKY" -> new Limit(isPublic ? 300 : 1_000, "characters (graphemes)");
            case "WEBHOOK" -> new Limit(5_000, "characters");
            default -> new Limit(20_000, "characters");
        };
    }

    private static int length(String channel, boolean isPublic, String text) {
        if ((channel.equals("X") || channel.equals("REPLAY")) && isPublic) {
            return URL.splitAsStream(text).mapToInt(FakeChannelRules::xWeighted).sum() + 23 * (int) URL.matcher(text).results().count();
        }
        if (channel.equals("BLUESKY")) {
            return (int) GRAPHEME.matcher(text).results().count();
        }
        return text.codePointCount(0, text.length());
    }

    /** X's weights: Latin and general punctuation 1, everything else (CJK, emoji) 2. */
    private static int xWeighted(String text) {
        return text.codePoints().map(cp -> cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
                || (cp >= 8242 && cp <= 8247) ? 1 : 2).sum();
    }

    private static FakeHttp.Refusal refused(String problem, String detail, List<int[]> emails, String suggestedVisibility) {
        FakeHttp.Refusal refusal = FakeHttp.problem(422, "Reply not accepted", FakeHttp.PROBLEM_TYPE + problem, detail);
        ObjectNode body = refusal.body;
        if (!emails.isEmpty()) {
            emails.forEach(span -> body.withArray("personalData").addObject().put("type", "EMAIL").put("start", span[0])
                    .put("end", span[1]));
        }
        if (suggestedVisibility != null) {
            body.put("suggestedVisibility", suggestedVisibility);
        }
        return refusal;
    }
}
