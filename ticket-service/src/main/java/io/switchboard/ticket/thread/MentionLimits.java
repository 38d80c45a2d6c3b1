package io.switchboard.ticket.thread;

import io.switchboard.events.EventDecodingException;
import io.switchboard.events.EventTypes;
import io.switchboard.events.mention.MentionReceived;

/**
 * What the ticket store can hold of a mention. Ids longer than any channel's are refused (the
 * record goes to the dead-letter topic with the field named); display texts are shortened.
 * Mention texts themselves have no limit here: mention-service bounds them at ingestion.
 */
public final class MentionLimits {

    /** Channel ids (posts, conversations, accounts) and handles; far above any real channel's. */
    public static final int ID = 200;
    /** An e-mail address, the ask-us form's platform id. */
    public static final int PLATFORM_ID = 320;
    public static final int NAME = 200;
    public static final int LANGUAGE = 35;

    private static final String CE_TYPE = EventTypes.of(MentionReceived.class).ceType();

    private MentionLimits() {
    }

    /** @throws EventDecodingException naming the field (never its value) when an id is too long */
    public static MentionReceived check(MentionReceived mention) {
        require(mention.externalId(), ID, "externalId");
        require(mention.conversationId(), ID, "conversationId");
        require(mention.inReplyToExternalId(), ID, "inReplyToExternalId");
        require(mention.brandAccount(), ID, "brandAccount");
        require(mention.author().platformId(), PLATFORM_ID, "author.platformId");
        return mention;
    }

    /** The text cut to {@code max} characters (code points, as PostgreSQL counts them); null stays null. */
    public static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return storable(text);
        }
        return storable(text.substring(0, text.offsetByCodePoints(0, max - 1))) + "…";
    }

    /**
     * The text as PostgreSQL can store it: a text column cannot hold U+0000, so it becomes the
     * replacement character rather than failing the whole batch. Null stays null.
     */
    public static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** A language tag as stored: absent when it is not a plausible BCP 47 tag. */
    public static String language(String tag) {
        return tag == null || tag.length() > LANGUAGE || tag.isBlank() ? null : tag;
    }

    private static void require(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new EventDecodingException(CE_TYPE, "Cannot thread " + CE_TYPE + ": " + field + " is " + value.length()
                    + " characters long, at most " + max + " are stored");
        }
    }
}
