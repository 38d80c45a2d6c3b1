package io.switchboard.mention.channel.bluesky;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.mention.mention.Mention;

/** Bluesky notifications (mentions, replies, quotes of our posts) as mentions; the thread is the reply root. */
public final class BlueskyNotifications {

    public static final String SOURCE = "bluesky-notifications";
    static final Set<String> REASONS = Set.of("mention", "reply", "quote");

    private BlueskyNotifications() {
    }

    /** @return null when the notification carries no usable post (garbage) */
    public static Mention toMention(JsonNode n, String brandHandle) {
        String uri = n.path("uri").asText("");
        JsonNode author = n.path("author");
        JsonNode record = n.path("record");
        if (!uri.startsWith("at://") || !author.path("did").isTextual() || !record.path("text").isTextual()) {
            return null;
        }
        String handle = author.path("handle").asText(null);
        String root = record.path("reply").path("root").path("uri").asText(null);
        String parent = record.path("reply").path("parent").path("uri").asText(null);
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        return Mention.on(Channel.BLUESKY)
                .externalId(uri)
                .conversationId(root == null ? uri : root)
                .inReplyTo(parent)
                .brandAccount(brandHandle)
                .author(new Author(author.path("did").asText(), handle, author.path("displayName").asText(null),
                        null, false))
                .text(record.path("text").asText())
                .language(record.path("langs").path(0).asText(null))
                .postedAt(instant(record.path("createdAt").asText(null)))
                .permalink(handle == null ? null : "https://bsky.app/profile/" + handle + "/post/" + rkey)
                .visibility(Visibility.PUBLIC)
                .source(SOURCE)
                .build();
    }

    static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
