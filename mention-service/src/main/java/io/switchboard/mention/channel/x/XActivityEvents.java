package io.switchboard.mention.channel.x;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.mention.mention.Mention;

/**
 * Account Activity events (X's v1.1 objects: {@code tweet_create_events},
 * {@code direct_message_events}) as mentions. v1.1 posts carry no conversation id: a reply is
 * filed under the post it answers, which is the conversation whenever customers answer our
 * replies to their root posts (ticket-service also threads by in-reply-to). A direct message's
 * conversation is the customer: {@code dm:<their user id>}.
 */
public final class XActivityEvents {

    public static final String SOURCE = "x-account-activity";
    private static final DateTimeFormatter V1_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ROOT);

    /** The mentions in one webhook body, and how many items could not be read. */
    public record Parsed(List<Mention> mentions, int garbage) {
    }

    private XActivityEvents() {
    }

    public static Parsed parse(JsonNode body, String brandHandle) {
        List<Mention> mentions = new ArrayList<>();
        int garbage = 0;
        for (JsonNode tweet : body.path("tweet_create_events")) {
            Mention m = tweet(tweet, brandHandle);
            if (m == null) {
                garbage++;
            } else {
                mentions.add(m);
            }
        }
        String ownId = body.path("for_user_id").asText(null);
        for (JsonNode dm : body.path("direct_message_events")) {
            if (!dm.path("type").asText().equals("message_create")) {
                continue;
            }
            Mention m = directMessage(dm, body.path("users"), ownId, brandHandle);
            if (m == null) {
                garbage++;
            } else {
                mentions.add(m);
            }
        }
        return new Parsed(mentions, garbage);
    }

    static Mention tweet(JsonNode t, String brandHandle) {
        String id = t.path("id_str").asText("");
        JsonNode user = t.path("user");
        String userId = user.path("id_str").asText("");
        if (!id.matches("[0-9]{1,19}") || !userId.matches("[0-9]{1,19}")) {
            return null;
        }
        String text = t.path("extended_tweet").path("full_text").isTextual() ? t.path("extended_tweet").path("full_text").asText()
                : t.path("full_text").isTextual() ? t.path("full_text").asText() : t.path("text").asText(null);
        if (text == null) {
            return null;
        }
        String inReplyTo = t.path("in_reply_to_status_id_str").isTextual() ? t.path("in_reply_to_status_id_str").asText() : null;
        List<String> links = new ArrayList<>();
        for (JsonNode url : t.path("entities").path("urls")) {
            links.add(url.path("expanded_url").asText(url.path("url").asText()));
        }
        String handle = user.path("screen_name").asText(null);
        return Mention.on(Channel.X).externalId(id).conversationId(inReplyTo == null ? id : inReplyTo)
                .inReplyTo(inReplyTo).brandAccount(brandHandle)
                .author(new Author(userId, handle, user.path("name").asText(null),
                        user.path("followers_count").isInt() ? user.path("followers_count").intValue() : null,
                        user.path("verified").asBoolean(false)))
                .text(text).language(t.path("lang").asText(null)).postedAt(v1Date(t.path("created_at").asText(null)))
                .permalink(handle == null ? null : "https://x.com/" + handle + "/status/" + id)
                .links(links).repost(t.has("retweeted_status")).visibility(Visibility.PUBLIC).source(SOURCE).build();
    }

    static Mention directMessage(JsonNode dm, JsonNode users, String ownId, String brandHandle) {
        String id = dm.path("id").asText("");
        JsonNode create = dm.path("message_create");
        String sender = create.path("sender_id").asText("");
        String recipient = create.path("target").path("recipient_id").asText("");
        String text = create.path("message_data").path("text").asText(null);
        if (id.isEmpty() || !sender.matches("[0-9]{1,19}") || text == null) {
            return null;
        }
        String customer = sender.equals(ownId) && recipient.matches("[0-9]{1,19}") ? recipient : sender;
        JsonNode user = users.path(sender);
        Instant postedAt = null;
        if (dm.path("created_timestamp").asText("").matches("[0-9]{1,15}")) {
            postedAt = Instant.ofEpochMilli(Long.parseLong(dm.path("created_timestamp").asText()));
        }
        return Mention.on(Channel.X).externalId("dm:" + id).conversationId("dm:" + customer).brandAccount(brandHandle)
                .author(new Author(sender, user.path("screen_name").asText(null), user.path("name").asText(null),
                        user.path("followers_count").isInt() ? user.path("followers_count").intValue() : null,
                        user.path("verified").asBoolean(false)))
                .text(text).postedAt(postedAt).visibility(Visibility.PRIVATE).source(SOURCE).build();
    }

    private static Instant v1Date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, V1_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return XTweets.instant(value);
        }
    }
}
