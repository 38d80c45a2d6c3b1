package io.switchboard.mention.channel.x;

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
 * Polls the brand account's mentions ({@code GET /2/users/{id}/mentions}) from a persisted
 * {@code since_id}, reading every page, ingesting oldest first, and moving the cursor only after
 * all of it is stored. A 429 pauses polling until the platform's reset time.
 */
public final class XMentionsPoller {

    public static final String CONNECTOR = "x-mentions";

    /** What one poll did. */
    public record Poll(int pages, int received, int accepted, int duplicates, int garbage, boolean complete) {
    }

    private final String connector;
    private final XApiClient api;
    private final String token;
    private final String userId;
    private final String brandHandle;
    private final int maxPages;
    private final CursorStore cursors;
    private final MentionSink sink;
    private final ConnectorHealth health;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    /** @param connector the name its cursor and health are kept under, normally {@link #CONNECTOR} */
    public XMentionsPoller(String connector, XApiClient api, String token, String userId, String brandHandle, int maxPages,
            CursorStore cursors, MentionSink sink, ConnectorHealth health, Clock clock) {
        this.connector = connector;
        this.api = api;
        this.token = token;
        this.userId = userId;
        this.brandHandle = brandHandle;
        this.maxPages = maxPages;
        this.cursors = cursors;
        this.sink = sink;
        this.health = health;
        this.clock = clock;
    }

    /** One poll; never throws for a platform failure (it is recorded in health and retried next time). */
    public Poll pollOnce() {
        if (clock.instant().isBefore(pausedUntil)) {
            return new Poll(0, 0, 0, 0, 0, false);
        }
        try {
            Poll poll = poll();
            health.up(connector);
            return poll;
        } catch (PlatformCallException e) {
            if (e.kind() == PlatformCallException.Kind.RATE_LIMITED) {
                pausedUntil = e.retryAt() != null ? e.retryAt() : clock.instant().plusSeconds(60);
                health.degraded(connector, "rate limited until " + pausedUntil);
            } else if (e.kind() == PlatformCallException.Kind.NOT_AUTHORIZED) {
                health.down(connector, e.getMessage());
            } else {
                health.degraded(connector, e.getMessage());
            }
            return new Poll(0, 0, 0, 0, 0, false);
        }
    }

    public Instant pausedUntil() {
        return pausedUntil;
    }

    private Poll poll() {
        XMentionsCursor cursor = XMentionsCursor.parse(cursors.get(connector).orElse(null));
        List<Mention> read = new ArrayList<>();
        String newest = null;
        String next = null;
        int pages = 0;
        int garbage = 0;
        do {
            JsonNode page = api.mentions(token, userId, cursor.since(), cursor.until(), next);
            pages++;
            JsonNode meta = page.path("meta");
            newest = XMentionsCursor.max(newest, idOrNull(meta.path("newest_id").asText(null)));
            XTweets.Includes includes = XTweets.Includes.of(page.path("includes"));
            for (JsonNode tweet : page.path("data")) {
                Mention mention = XTweets.toMention(tweet, includes, brandHandle, connector);
                if (mention == null) {
                    garbage++;
                    sink.garbage(Channel.X, connector, "a post without id, author or text");
                } else {
                    read.add(mention);
                    newest = XMentionsCursor.max(newest, mention.externalId());
                }
            }
            next = meta.path("next_token").isTextual() ? meta.path("next_token").asText() : null;
        } while (next != null && pages < maxPages);

        read.sort(Comparator.comparingLong(m -> Long.parseLong(m.externalId())));
        int accepted = 0;
        int duplicates = 0;
        for (Mention mention : read) {
            var outcome = sink.accept(mention, connector);
            if (outcome == null) {
                garbage++;
            } else if (outcome.accepted()) {
                accepted++;
            } else {
                duplicates++;
            }
        }
        boolean complete = next == null;
        String newestSeen = XMentionsCursor.max(cursor.newest(), newest);
        if (complete) {
            String since = XMentionsCursor.max(cursor.since(), newestSeen);
            if (since != null) {
                cursors.put(connector, new XMentionsCursor(since, null, null).format());
            }
        } else {
            String oldest = read.isEmpty() ? cursor.until() : read.get(0).externalId();
            cursors.put(connector, new XMentionsCursor(cursor.since(), oldest, newestSeen).format());
        }
        return new Poll(pages, read.size(), accepted, duplicates, garbage, complete);
    }

    private static String idOrNull(String id) {
        return id != null && id.matches("[0-9]{1,19}") ? id : null;
    }
}
