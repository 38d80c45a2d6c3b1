package io.switchboard.events;

import java.util.Locale;

/** Where a conversation happens; replies go back on the same channel. */
public enum Channel {
    X,
    MASTODON,
    BLUESKY,
    /** A signed webhook from any other source. */
    WEBHOOK,
    /** The public "ask us" form; replies go by e-mail. */
    ASK_US,
    /** Recorded conversations replayed into a local or test installation. */
    REPLAY;

    /**
     * The key of a conversation across Switchboard, e.g. {@code x:1790000000000000000}. External
     * ids are only unique within a channel, hence the prefix.
     */
    public String conversationKey(String conversationId) {
        return name().toLowerCase(Locale.ROOT) + ":" + Require.text(conversationId, "conversationId");
    }
}
