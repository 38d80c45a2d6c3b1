package io.switchboard.mention.channel.bluesky;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.channel.PlatformCallException.Kind;
import io.switchboard.mention.delivery.ReplyConnector;
import io.switchboard.mention.mention.ChannelLimits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replies on Bluesky: a post record whose {@code reply} names the thread's root and the parent
 * post (uri and cid, looked up with getPosts). The record key is derived from the reply id, so
 * the PDS itself refuses a second record for the same reply, and an in-doubt reply is found with
 * getRecord.
 */
@ApplicationScoped
public class BlueskyReplyConnector implements ReplyConnector {

    private final BlueskyConfig config;
    private volatile BlueskyApi api;

    public BlueskyReplyConnector(BlueskyConfig config) {
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.BLUESKY;
    }

    @Override
    public Posted post(ReplyRequested reply) {
        if (reply.visibility() == Visibility.PRIVATE) {
            throw new PlatformCallException(Kind.REJECTED, 0, "Bluesky has no private replies here; reply publicly or"
                    + " contact the customer another way");
        }
        int limit = ChannelLimits.outbound(Channel.BLUESKY);
        if (ChannelLimits.length(reply.text()) > limit) {
            throw new PlatformCallException(Kind.REJECTED, 0, "Post is longer than " + limit + " characters");
        }
        BlueskyApi bluesky = api();
        JsonNode parent = bluesky.posts(reply.inReplyToExternalId()).path("posts").path(0);
        if (!parent.path("cid").isTextual()) {
            throw new PlatformCallException(Kind.NOT_FOUND, 404, "the post being answered is gone");
        }
        JsonNode parentReply = parent.path("record").path("reply");
        Map<String, String> parentRef = Map.of("uri", parent.path("uri").asText(), "cid", parent.path("cid").asText());
        Map<String, String> rootRef = parentReply.path("root").path("cid").isTextual()
                ? Map.of("uri", parentReply.path("root").path("uri").asText(), "cid", parentReply.path("root").path("cid").asText())
                : parentRef;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", reply.text());
        record.put("createdAt", Instant.now().toString());
        record.put("reply", Map.of("root", rootRef, "parent", parentRef));
        JsonNode created = bluesky.createPost(Tid.of(reply), record);
        String uri = created.path("uri").asText("");
        if (uri.isEmpty()) {
            throw new PlatformCallException(Kind.GARBAGE, 200, "Bluesky accepted the post but returned no uri");
        }
        return new Posted(uri, null);
    }

    @Override
    public Optional<Posted> findPosted(ReplyRequested reply) {
        try {
            JsonNode record = api().getPost(Tid.of(reply));
            return Optional.of(new Posted(record.path("uri").asText(), null));
        } catch (PlatformCallException e) {
            if (e.kind() == Kind.NOT_FOUND || (e.kind() == Kind.REJECTED && e.status() == 400)) {
                return Optional.empty(); // RecordNotFound
            }
            throw e;
        }
    }

    private BlueskyApi api() {
        if (!config.enabled() || config.identifier().isEmpty() || config.appPassword().isEmpty()) {
            throw new PlatformCallException(Kind.NOT_AUTHORIZED, 0, "the Bluesky channel is not configured");
        }
        if (api == null) {
            api = new BlueskyApi(config.baseUrl(), config.identifier().get(), config.appPassword().get(),
                    config.requestTimeout());
        }
        return api;
    }

    /** atproto record keys for posts are TIDs: 13 base32-sortable characters of a 64-bit number. */
    static final class Tid {
        private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

        static String of(ReplyRequested reply) {
            Instant at = reply.occurredAt();
            long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            long clockId = reply.replyId().getLeastSignificantBits() & 0x3FF;
            long value = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | clockId;
            StringBuilder tid = new StringBuilder(13);
            for (int i = 12; i >= 0; i--) {
                tid.append(ALPHABET.charAt((int) ((value >>> (5 * i)) & 31)));
            }
            return tid.toString();
        }
    }
}
