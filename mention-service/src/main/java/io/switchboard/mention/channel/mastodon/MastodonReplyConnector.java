package io.switchboard.mention.channel.mastodon;

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
 * Replies on Mastodon with {@code POST /api/v1/statuses}: in the thread ({@code in_reply_to_id}),
 * publicly or with {@code direct} visibility, addressed to the customer's account. Every post
 * carries the reply id as Idempotency-Key, so asking again for an in-doubt reply cannot make a
 * second status: the instance returns the first.
 */
@ApplicationScoped
public class MastodonReplyConnector implements ReplyConnector {

    private final MastodonConfig config;

    public MastodonReplyConnector(MastodonConfig config) {
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.MASTODON;
    }

    @Override
    public Posted post(ReplyRequested reply) {
        if (!config.enabled() || config.baseUrl().isEmpty() || config.accessToken().isEmpty()) {
            throw new PlatformCallException(Kind.NOT_AUTHORIZED, 0, "the Mastodon channel is not configured");
        }
        String handle = reply.recipient().handle();
        String text = handle == null || reply.text().contains("@" + handle) ? reply.text() : "@" + handle + " " + reply.text();
        int limit = ChannelLimits.outbound(Channel.MASTODON);
        if (ChannelLimits.length(text) > limit) {
            throw new PlatformCallException(Kind.REJECTED, 0, "Post is longer than " + limit + " characters");
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", text);
        if (reply.inReplyToExternalId() != null) {
            status.put("in_reply_to_id", reply.inReplyToExternalId());
        }
        status.put("visibility", reply.visibility() == Visibility.PRIVATE ? "direct" : "public");
        JsonNode posted = new MastodonApi(config.baseUrl().get(), config.accessToken().get(), config.requestTimeout())
                .postStatus(status, reply.replyId().toString());
        String id = posted.path("id").asText("");
        if (id.isEmpty()) {
            throw new PlatformCallException(Kind.GARBAGE, 200, "Mastodon accepted the post but returned no id");
        }
        return new Posted(id, posted.path("url").asText(null));
    }

    /** Nothing to look up: posting again with the same Idempotency-Key returns the status if it exists. */
    @Override
    public Optional<Posted> findPosted(ReplyRequested reply) {
        return Optional.empty();
    }
}
