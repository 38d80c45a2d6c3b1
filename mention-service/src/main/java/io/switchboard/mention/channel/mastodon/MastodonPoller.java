package io.switchboard.mention.channel.mastodon;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.mention.Mention;

/**
 * Polls mention notifications with a persisted {@code min_id}: each page is the window just after
 * the cursor, ingested oldest first, and the cursor moves to the page's newest notification once
 * all of it is stored. A 429 pauses polling until the reset time.
 */
public final class MastodonPoller {

    public static final String CONNECTOR = "mastodon-notifications";

    private final String connector;
    private final MastodonApi api;
    private final String brandHandle;
    private final int maxPages;
    private final CursorStore cursors;
    private final MentionSink sink;
    private final ConnectorHealth health;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    public MastodonPoller(String connector, MastodonApi api, String brandHandle, int maxPages, CursorStore cursors,
            MentionSink sink, ConnectorHealth health, Clock clock) {
        this.connector = connector;
        this.api = api;
        this.brandHandle = brandHandle;
        this.maxPages = maxPages;
        this.cursors = cursors;
        this.sink = sink;
        this.health = health;
        this.clock = clock;
    }

    /** @return how many new mentions were accepted; never throws for a platform failure */
    public int pollOnce() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        int accepted = 0;
        try {
            for (int page = 0; page < maxPages; page++) {
                String cursor = cursors.get(connector).orElse(null);
                JsonNode notifications = api.mentions(cursor);
                if (!notifications.isArray()) {
                    sink.garbage(Channel.MASTODON, connector, "notifications that are not a list");
                    health.degraded(connector, "unreadable answer from the instance");
                    return accepted;
                }
                if (notifications.isEmpty()) {
                    break;
                }
                List<JsonNode> ordered = new ArrayList<>();
                notifications.forEach(ordered::add);
                ordered.sort(Comparator.comparing(n -> id(n.path("id").asText())));
                for (JsonNode n : ordered) {
                    Mention mention = n.path("type").asText().equals("mention") ? MastodonStatuses.toMention(n, brandHandle) : null;
                    if (mention == null) {
                        sink.garbage(Channel.MASTODON, connector, "a notification without a usable status");
                        continue;
                    }
                    var outcome = sink.accept(mention, connector);
                    accepted += outcome != null && outcome.accepted() ? 1 : 0;
                }
                cursors.put(connector, ordered.get(ordered.size() - 1).path("id").asText());
            }
            health.up(connector);
        } catch (PlatformCallException e) {
            if (e.kind() == PlatformCallException.Kind.RATE_LIMITED) {
                pausedUntil = e.retryAt() != null ? e.retryAt() : clock.instant().plusSeconds(60);
                health.degraded(connector, "rate limited until " + pausedUntil);
            } else if (e.kind() == PlatformCallException.Kind.NOT_AUTHORIZED) {
                health.down(connector, e.getMessage());
            } else {
                health.degraded(connector, e.getMessage());
            }
        }
        return accepted;
    }

    /** Mastodon ids are numeric strings of growing length; compare them as numbers. */
    private static BigInteger id(String id) {
        try {
            return new BigInteger(id);
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }
}
