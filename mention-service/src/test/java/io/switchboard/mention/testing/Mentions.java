package io.switchboard.mention.testing;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Author;
import io.switchboard.mention.mention.Mention;

/** Sample posts with ids no other test (or earlier run) uses. */
public final class Mentions {

    private Mentions() {
    }

    public static String uniqueId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000_000_000L));
    }

    public static Mention.Builder post(Channel channel, String text) {
        return Mention.on(channel).externalId(uniqueId())
                .author(new Author("u" + uniqueId(), "customer", "A Customer", 120, false))
                .text(text).postedAt(Instant.parse("2026-03-02T09:15:00Z")).source("test");
    }
}
