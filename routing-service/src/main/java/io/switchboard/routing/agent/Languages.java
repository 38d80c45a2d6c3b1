package io.switchboard.routing.agent;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Languages are matched on their primary subtag: an agent who speaks {@code en} takes tickets in
 * {@code en-GB} and {@code en-US}; regional variants rarely need different people.
 */
public final class Languages {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private Languages() {
    }

    /** The primary subtag in lower case, or null for null, blank or malformed tags (unknown language). */
    public static String primary(String tag) {
        if (tag == null || !TAG.matcher(tag.strip()).matches()) {
            return null;
        }
        String primary = tag.strip().split("-", 2)[0].toLowerCase(Locale.ROOT);
        return "und".equals(primary) ? null : primary;
    }

    public static boolean isValid(String tag) {
        return primary(tag) != null;
    }

    public static Set<String> primaries(Collection<String> tags) {
        Set<String> result = new TreeSet<>();
        for (String tag : tags) {
            String primary = primary(tag);
            if (primary != null) {
                result.add(primary);
            }
        }
        return result;
    }
}
