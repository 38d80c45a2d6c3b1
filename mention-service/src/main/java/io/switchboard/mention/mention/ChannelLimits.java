package io.switchboard.mention.mention;

import io.switchboard.events.Channel;

/**
 * How long a text may be on each channel, in Unicode code points. Inbound limits are what the
 * platform itself lets a customer post (so a real post is never refused) and bound what a public
 * endpoint accepts; outbound limits are what our replies may use.
 */
public final class ChannelLimits {

    private ChannelLimits() {
    }

    public static int inbound(Channel channel) {
        return switch (channel) {
            case X -> 25_000;        // long posts (note_tweet) of subscribed accounts
            case MASTODON -> 10_000; // instances raise the 500 default; the largest common setting
            case BLUESKY -> 3_000;   // the lexicon's maxLength in bytes bounds the code points too
            case WEBHOOK -> 10_000;
            case ASK_US -> 5_000;
            case REPLAY -> 25_000;
        };
    }

    public static int outbound(Channel channel) {
        return switch (channel) {
            case X -> 280;
            case MASTODON -> 500;
            case BLUESKY -> 300;
            case WEBHOOK, ASK_US, REPLAY -> 10_000;
        };
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
