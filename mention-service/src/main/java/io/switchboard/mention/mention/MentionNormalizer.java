package io.switchboard.mention.mention;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.events.mention.Author;

/**
 * Makes a connector's mention uniform before dedupe and triage: ids trimmed, a root post is its own
 * conversation, handles without their {@code @}, languages lower-case, links found in the text when
 * the platform lists none. The text itself is kept verbatim; only what cannot be stored or sent
 * safely (over the channel's limit, broken Unicode) is refused.
 */
public final class MentionNormalizer {

    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_LINKS = 20;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

    private MentionNormalizer() {
    }

    /** @throws InvalidMentionException naming what is wrong (never quoting the text) */
    public static Mention normalize(Mention m) {
        String externalId = id(m.externalId(), "externalId", true);
        String conversationId = id(m.conversationId(), "conversationId", false);
        String inReplyTo = id(m.inReplyToExternalId(), "inReplyToExternalId", false);
        if (m.text() == null) {
            throw new InvalidMentionException("text is required (it may be empty for a media-only post)");
        }
        if (!wellFormed(m.text())) {
            throw new InvalidMentionException("text is not valid Unicode (unpaired surrogate)");
        }
        int limit = ChannelLimits.inbound(m.channel());
        if (ChannelLimits.length(m.text()) > limit) {
            throw new InvalidMentionException("text is longer than the " + limit + " characters "
                    + m.channel().name().toLowerCase(Locale.ROOT) + " allows");
        }
        Author author = author(m.author());
        String source = blankToNull(m.source());
        return new Mention(m.channel(), externalId, conversationId == null ? externalId : conversationId, inReplyTo,
                handle(m.brandAccount()), author, m.text(), language(m.language()), m.postedAt(),
                blankToNull(m.permalink()), links(m), m.media(), m.visibility(), m.repost(),
                source == null ? m.channel().name().toLowerCase(Locale.ROOT) : source, m.contact());
    }

    private static Author author(Author a) {
        String platformId = a.platformId().trim();
        if (platformId.length() > 512) {
            throw new InvalidMentionException("author.platformId is longer than 512 characters");
        }
        Integer followers = a.followerCount() == null || a.followerCount() < 0 ? null : a.followerCount();
        return new Author(platformId, handle(a.handle()), blankToNull(a.displayName()), followers, a.verified());
    }

    private static String id(String value, String field, boolean required) {
        String id = blankToNull(value);
        if (id == null) {
            if (required) {
                throw new InvalidMentionException(field + " is required");
            }
            return null;
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidMentionException(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!wellFormed(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidMentionException(field + " contains control characters or broken Unicode");
        }
        return id;
    }

    private static String handle(String handle) {
        String h = blankToNull(handle);
        return h == null ? null : h.startsWith("@") ? h.substring(1) : h;
    }

    private static String language(String language) {
        String l = blankToNull(language);
        // X says "und" (undetermined) and "qme" etc. for text it cannot place; that is no language.
        if (l == null || l.equals("und") || l.startsWith("q")) {
            return null;
        }
        return l.toLowerCase(Locale.ROOT);
    }

    private static List<String> links(Mention m) {
        if (!m.links().isEmpty()) {
            return m.links().stream().limit(MAX_LINKS).toList();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = URL.matcher(m.text());
        while (matcher.find() && found.size() < MAX_LINKS) {
            found.add(matcher.group());
        }
        return List.copyOf(found);
    }

    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
