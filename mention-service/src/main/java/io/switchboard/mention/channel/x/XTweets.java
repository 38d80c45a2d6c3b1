package io.switchboard.mention.channel.x;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Media;
import io.switchboard.mention.mention.Mention;

/**
 * X API v2 posts (a {@code Tweet} with its {@code includes}) as Switchboard mentions. A post that
 * lacks what a mention needs (an id, an author) is garbage: {@link #toMention} returns null and
 * the caller counts and skips it.
 */
public final class XTweets {

    private XTweets() {
    }

    /** The users and media of a response's {@code includes}, by id and media key. */
    public record Includes(Map<String, JsonNode> users, Map<String, JsonNode> media) {

        public static Includes of(JsonNode includes) {
            Map<String, JsonNode> users = new HashMap<>();
            Map<String, JsonNode> media = new HashMap<>();
            if (includes != null) {
                for (JsonNode u : includes.path("users")) {
                    users.put(u.path("id").asText(), u);
                }
                for (JsonNode m : includes.path("media")) {
                    media.put(m.path("media_key").asText(), m);
                }
            }
            return new Includes(users, media);
        }
    }

    public static Mention toMention(JsonNode tweet, Includes includes, String brandHandle, String source) {
        String id = tweet.path("id").asText("");
        String authorId = tweet.path("author_id").asText("");
        if (!id.matches("[0-9]{1,19}") || !authorId.matches("[0-9]{1,19}") || !tweet.path("text").isTextual()) {
            return null;
        }
        JsonNode user = includes.users().get(authorId);
        String username = user == null ? null : user.path("username").asText(null);
        Integer followers = user == null || !user.path("public_metrics").path("followers_count").isInt() ? null
                : user.path("public_metrics").path("followers_count").intValue();
        Author author = new Author(authorId, username, user == null ? null : user.path("name").asText(null), followers,
                user != null && user.path("verified").asBoolean(false));
        String inReplyTo = null;
        boolean repost = false;
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            String type = ref.path("type").asText();
            if (type.equals("replied_to")) {
                inReplyTo = ref.path("id").asText(null);
            } else if (type.equals("retweeted")) {
                repost = true;
            }
        }
        // Long posts carry their full text in note_tweet; "text" is then the truncated start.
        String text = tweet.path("note_tweet").path("text").isTextual() ? tweet.path("note_tweet").path("text").asText()
                : tweet.path("text").asText();
        return Mention.on(Channel.X)
                .externalId(id)
                .conversationId(tweet.path("conversation_id").asText(null))
                .inReplyTo(inReplyTo)
                .brandAccount(brandHandle)
                .author(author)
                .text(text)
                .language(tweet.path("lang").asText(null))
                .postedAt(instant(tweet.path("created_at").asText(null)))
                .permalink("https://x.com/" + (username == null ? "i/web" : username) + "/status/" + id)
                .links(links(tweet))
                .media(media(tweet, includes))
                .visibility(Visibility.PUBLIC)
                .repost(repost || text.startsWith("RT @"))
                .source(source)
                .build();
    }

    private static List<String> links(JsonNode tweet) {
        List<String> links = new ArrayList<>();
        for (JsonNode url : tweet.path("entities").path("urls")) {
            String expanded = url.path("expanded_url").asText(url.path("url").asText(""));
            if (!expanded.isEmpty()) {
                links.add(expanded);
            }
        }
        return links;
    }

    private static List<Media> media(JsonNode tweet, Includes includes) {
        List<Media> media = new ArrayList<>();
        for (JsonNode key : tweet.path("attachments").path("media_keys")) {
            JsonNode m = includes.media().get(key.asText());
            if (m == null) {
                continue;
            }
            String url = m.path("url").asText(m.path("preview_image_url").asText(""));
            if (url.isEmpty()) {
                continue;
            }
            Media.Kind kind = switch (m.path("type").asText()) {
                case "photo" -> Media.Kind.IMAGE;
                case "video" -> Media.Kind.VIDEO;
                case "animated_gif" -> Media.Kind.GIF;
                default -> Media.Kind.OTHER;
            };
            media.add(new Media(kind, url, m.path("alt_text").asText(null)));
        }
        return media;
    }

    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
