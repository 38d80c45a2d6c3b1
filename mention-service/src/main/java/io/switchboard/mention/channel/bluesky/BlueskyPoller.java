package io.switchboard.mention.channel.bluesky;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.mention.Mention;

/**
 * Polls {@code app.bsky.notification.listNotifications}, newest first, paging back until it
 * reaches notifications indexed before the persisted position, then ingests the new ones oldest
 * first and moves the position to the newest indexedAt. Notifications at exactly the position are
 * read again and dropped by the dedupe key, so none is skipped.
 */
public final class BlueskyPoller {

    public static final String CONNECTOR = "bluesky-notifications";

    private final String connector;
    private final BlueskyApi api;
    private final String brandHandle;
    private final int maxPages;
    private final CursorStore cursors;
    private final MentionSink sink;
    private final ConnectorHealth health;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    public BlueskyPoller(String connector, BlueskyApi api, String brandHandle, int maxPages, CursorStore cursors,
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
        try {
            int accepted = poll();
            health.up(connector);
            return accepted;
        } catch (PlatformCallException e) {
            if (e.kind() == PlatformCallException.Kind.RATE_LIMITED) {
                pausedUntil = e.retryAt() != null ? e.retryAt() : clock.instant().plusSeconds(60);
                health.degraded(connector, "rate limited until " + pausedUntil);
            } else if (e.kind() == PlatformCallException.Kind.NOT_AUTHORIZED) {
                health.down(connector, e.getMessage());
            } else {
                health.degraded(connector, e.getMessage());
            }
            return 0;
        }
    }

    private int poll() {
        Instant position = cursors.get(connector).map(BlueskyNotifications::instant).orElse(null);
        List<JsonNode> fresh = new ArrayList<>();
        Instant newest = position;
        String cursor = null;
        boolean reachedKnown = false;
        for (int page = 0; page < maxPages && !reachedKnown; page++) {
            JsonNode response = api.notifications(cursor);
            if (!response.path("notifications").isArray()) {
                sink.garbage(Channel.BLUESKY, connector, "a notification list without notifications");
                throw new PlatformCallException(PlatformCallException.Kind.GARBAGE, 200, "unreadable notifications");
            }
            for (JsonNode n : response.path("notifications")) {
                Instant indexed = BlueskyNotifications.instant(n.path("indexedAt").asText(null));
                if (indexed == null) {
                    sink.garbage(Channel.BLUESKY, connector, "a notification without indexedAt");
                    continue;
                }
                if (position != null && indexed.isBefore(position)) {
                    reachedKnown = true;
                    break;
                }
                fresh.add(n);
                newest = newest == null || indexed.isAfter(newest) ? indexed : newest;
            }
            cursor = response.path("cursor").asText(null);
            if (cursor == null || response.path("notifications").isEmpty()) {
                break;
            }
        }
        int accepted = 0;
        for (int i = fresh.size() - 1; i >= 0; i--) {
            JsonNode n = fresh.get(i);
            if (!BlueskyNotifications.REASONS.contains(n.path("reason").asText())) {
                continue; // likes, follows, reposts: not something a customer said
            }
            Mention mention = BlueskyNotifications.toMention(n, brandHandle);
            if (mention == null) {
                sink.garbage(Channel.BLUESKY, connector, "a notification without a usable post");
                continue;
            }
            var outcome = sink.accept(mention, connector);
            accepted += outcome != null && outcome.accepted() ? 1 : 0;
        }
        if (newest != null) {
            cursors.put(connector, newest.toString());
        }
        return accepted;
    }
}
