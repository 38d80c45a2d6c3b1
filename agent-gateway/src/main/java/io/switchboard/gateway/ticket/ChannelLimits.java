package io.switchboard.gateway.ticket;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;

/**
 * How long a reply may be on each channel, for the composer's counter: the limits ticket-service
 * enforces (its {@code ChannelRules}; it refuses a longer reply with 422 {@code reply-too-long}, so
 * this is only what the agent sees while typing). The app counts as the channel does: a public X
 * reply by X's weighting (links 23, CJK and emoji 2), Bluesky in graphemes, the rest in code points.
 */
public final class ChannelLimits {

    private ChannelLimits() {
    }

    /** The longest reply, or null when the channel cannot answer with this visibility (the ask-us form publicly). */
    public static Integer maxLength(Channel channel, Visibility visibility) {
        boolean isPublic = visibility != Visibility.PRIVATE;
        return switch (channel) {
            // Replayed conversations are X conversations.
            case X, REPLAY -> isPublic ? 280 : 10_000;
            case MASTODON -> 500;
            case BLUESKY -> isPublic ? 300 : 1_000;
            case WEBHOOK -> 5_000;
            case ASK_US -> isPublic ? null : 20_000;
        };
    }
}
