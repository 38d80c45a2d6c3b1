package io.switchboard.mention.channel.x;

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
 * Replies on X: public ones with {@code POST /2/tweets} in the thread
 * ({@code reply.in_reply_to_tweet_id}), private ones with
 * {@code POST /2/dm_conversations/with/{participant_id}/messages}. X has no idempotency key for
 * posts, so an in-doubt reply is looked for among the brand's own recent posts or messages.
 */
@ApplicationScoped
public class XReplyConnector implements ReplyConnector {

    private final XConfig config;
    private final XApiClient api;

    public XReplyConnector(XConfig config) {
        this.config = config;
        this.api = new XApiClient(config.apiBaseUrl(), config.requestTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.X;
    }

    @Override
    public Posted post(ReplyRequested reply) {
        String token = userToken();
        if (reply.visibility() == Visibility.PUBLIC) {
            int limit = ChannelLimits.outbound(Channel.X);
            if (ChannelLimits.length(reply.text()) > limit) {
                throw new PlatformCallException(Kind.REJECTED, 0, "Post is longer than " + limit + " characters");
            }
            JsonNode created = call(() -> api.createPost(token, Map.of("text", reply.text(),
                    "reply", Map.of("in_reply_to_tweet_id", reply.inReplyToExternalId()))));
            String id = created.path("data").path("id").asText("");
            if (id.isEmpty()) {
                throw new PlatformCallException(Kind.GARBAGE, 201, "X accepted the post but returned no id");
            }
            return new Posted(id, config.brandHandle().map(h -> "https://x.com/" + h + "/status/" + id)
                    .orElse("https://x.com/i/web/status/" + id));
        }
        JsonNode sent = call(() -> api.sendDirectMessage(token, reply.recipient().platformId(),
                Map.of("text", reply.text())));
        String eventId = sent.path("data").path("dm_event_id").asText("");
        if (eventId.isEmpty()) {
            throw new PlatformCallException(Kind.GARBAGE, 201, "X accepted the message but returned no id");
        }
        return new Posted("dm:" + eventId, null);
    }

    @Override
    public Optional<Posted> findPosted(ReplyRequested reply) {
        String token = userToken();
        String brandId = config.brandUserId().orElseThrow(() -> new PlatformCallException(Kind.NOT_AUTHORIZED, 0,
                "SWITCHBOARD_X_BRAND_USER_ID is not set: cannot check whether the reply was posted"));
        if (reply.visibility() == Visibility.PUBLIC) {
            for (JsonNode tweet : api.userTweets(token, brandId).path("data")) {
                boolean answersIt = false;
                for (JsonNode ref : tweet.path("referenced_tweets")) {
                    answersIt |= ref.path("type").asText().equals("replied_to")
                            && ref.path("id").asText().equals(reply.inReplyToExternalId());
                }
                if (answersIt && tweet.path("text").asText().endsWith(reply.text())) {
                    String id = tweet.path("id").asText();
                    return Optional.of(new Posted(id, "https://x.com/i/web/status/" + id));
                }
            }
            return Optional.empty();
        }
        for (JsonNode event : api.dmEvents(token, reply.recipient().platformId()).path("data")) {
            if (event.path("sender_id").asText().equals(brandId) && event.path("text").asText().equals(reply.text())) {
                return Optional.of(new Posted("dm:" + event.path("id").asText(), null));
            }
        }
        return Optional.empty();
    }

    private String userToken() {
        if (!config.enabled()) {
            throw new PlatformCallException(Kind.NOT_AUTHORIZED, 0, "The X channel is not enabled");
        }
        return config.userAccessToken().filter(t -> !t.isBlank()).orElseThrow(() ->
                new PlatformCallException(Kind.NOT_AUTHORIZED, 0, "SWITCHBOARD_X_USER_ACCESS_TOKEN is not set"));
    }

    /** X answers 403 to a duplicate post; that is the content, not our credentials. */
    private static JsonNode call(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (PlatformCallException e) {
            if (e.status() == 403 && e.getMessage().toLowerCase().contains("duplicate")) {
                throw new PlatformCallException(Kind.REJECTED, 403, "X refused a duplicate post");
            }
            throw e;
        }
    }
}
