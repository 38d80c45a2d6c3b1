package io.switchboard.gateway.ticket;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;

/**
 * How long a reply may be on each channel, counted in Unicode code points (what the app's counter
 * counts too). ticket-service and mention-service check again; this is so the agent learns it while
 * typing, not after sending.
 */
public final class ChannelLimits {

    private ChannelLimits() {
    }

    public static int maxLength(Channel channel, Visibility visibility) {
        boolean isPublic = visibility != Visibility.PRIVATE;
        return switch (channel) {
            // Replayed conversations are X conversations.
            case X, REPLAY -> isPublic ? 280 : 10_000;
            case MASTODON -> 500;
            case BLUESKY -> isPublic ? 300 : 1_000;
            case WEBHOOK -> 5_000;
            case ASK_US -> 10_000;
        };
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
