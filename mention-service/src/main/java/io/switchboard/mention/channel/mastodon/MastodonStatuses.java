package io.switchboard.mention.channel.mastodon;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Media;
import io.switchboard.mention.channel.HtmlText;
import io.switchboard.mention.mention.Mention;

/**
 * Mastodon mention notifications as mentions. A status does not name its thread's root, so a
 * reply is filed under the status it answers (ticket-service also threads by in-reply-to); a
 * {@code direct} status is private.
 */
public final class MastodonStatuses {

    public static final String SOURCE = "mastodon-notifications";

    private MastodonStatuses() {
    }

    /** @return null when the notification is not a usable mention (garbage) */
    public static Mention toMention(JsonNode notification, String brandHandle) {
        JsonNode status = notification.path("status");
        JsonNode account = status.path("account").isObject() ? status.path("account") : notification.path("account");
        String id = status.path("id").asText("");
        String accountId = account.path("id").asText("");
        if (id.isEmpty() || accountId.isEmpty() || !status.path("content").isTextual()) {
            return null;
        }
        String inReplyTo = status.path("in_reply_to_id").isTextual() ? status.path("in_reply_to_id").asText() : null;
        List<Media> media = new ArrayList<>();
        for (JsonNode m : status.path("media_attachments")) {
            String url = m.path("url").asText("");
            if (!url.isEmpty()) {
                Media.Kind kind = switch (m.path("type").asText()) {
                    case "image" -> Media.Kind.IMAGE;
                    case "video" -> Media.Kind.VIDEO;
                    case "gifv" -> Media.Kind.GIF;
                    default -> Media.Kind.OTHER;
                };
                media.add(new Media(kind, url, m.path("description").asText(null)));
            }
        }
        return Mention.on(Channel.MASTODON)
                .externalId(id)
                .conversationId(inReplyTo == null ? id : inReplyTo)
                .inReplyTo(inReplyTo)
                .brandAccount(brandHandle)
                .author(new Author(accountId, account.path("acct").asText(null), account.path("display_name").asText(null),
                        account.path("followers_count").isInt() ? account.path("followers_count").intValue() : null,
                        false))
                .text(HtmlText.toPlain(status.path("content").asText()))
                .language(status.path("language").asText(null))
                .postedAt(instant(status.path("created_at").asText(null)))
                .permalink(status.path("url").asText(null))
                .media(media)
                .visibility("direct".equals(status.path("visibility").asText()) ? Visibility.PRIVATE : Visibility.PUBLIC)
                .repost(status.path("reblog").isObject())
                .source(SOURCE)
                .build();
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
