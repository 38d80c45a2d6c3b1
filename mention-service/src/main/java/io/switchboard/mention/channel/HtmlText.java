package io.switchboard.mention.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's HTML (Mastodon sends statuses as HTML) as the plain text the customer typed: line and
 * paragraph breaks kept, tags dropped, entities decoded. Whatever markup was in it ends up as
 * inert text, which is all the agent app ever shows.
 */
public final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    public static String toPlain(String html) {
        if (html == null) {
            return "";
        }
        String text = PARAGRAPH.matcher(html).replaceAll("\n\n");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String entity(String name, String original) {
        try {
            if (name.startsWith("#x")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return original;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default -> original;
        };
    }
}
