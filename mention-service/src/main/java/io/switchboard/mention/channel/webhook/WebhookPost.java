package io.switchboard.mention.channel.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Media;
import io.switchboard.mention.infra.BadInput;
import io.switchboard.mention.infra.RequestBodies;
import io.switchboard.mention.mention.Mention;

/**
 * The generic webhook's body, documented in the README:
 *
 * <pre>{"id": "...", "text": "...", "author": {"id": "...", "handle": "...", "name": "...",
 *  "followers": 12, "verified": false}, "conversationId": "...", "inReplyToId": "...",
 *  "postedAt": "2026-03-02T09:15:00Z", "url": "...", "language": "en", "private": false,
 *  "links": ["..."], "media": [{"kind": "IMAGE", "url": "...", "altText": "..."}]}</pre>
 */
final class WebhookPost {

    private WebhookPost() {
    }

    static Mention parse(JsonNode body, String source) {
        JsonNode author = body.get("author");
        if (author == null || !author.isObject()) {
            throw BadInput.badRequest("'author' is required and must be an object");
        }
        Integer followers = null;
        JsonNode f = author.get("followers");
        if (f != null && !f.isNull()) {
            if (!f.canConvertToInt() || !f.isIntegralNumber()) {
                throw BadInput.badRequest("'author.followers' must be an integer");
            }
            followers = f.intValue();
        }
        JsonNode verified = author.get("verified");
        if (verified != null && !verified.isNull() && !verified.isBoolean()) {
            throw BadInput.badRequest("'author.verified' must be true or false");
        }
        JsonNode privately = body.get("private");
        if (privately != null && !privately.isNull() && !privately.isBoolean()) {
            throw BadInput.badRequest("'private' must be true or false");
        }
        String text = RequestBodies.text(body, "text");
        if (text == null) {
            throw BadInput.badRequest("'text' is required");
        }
        return Mention.on(Channel.WEBHOOK)
                .externalId(RequestBodies.requiredText(body, "id"))
                .conversationId(RequestBodies.text(body, "conversationId"))
                .inReplyTo(RequestBodies.text(body, "inReplyToId"))
                .author(new Author(RequestBodies.requiredText(author, "id"), RequestBodies.text(author, "handle"),
                        RequestBodies.text(author, "name"), followers, verified != null && verified.asBoolean()))
                .text(text)
                .language(RequestBodies.text(body, "language"))
                .postedAt(instant(RequestBodies.text(body, "postedAt")))
                .permalink(RequestBodies.text(body, "url"))
                .links(strings(body, "links"))
                .media(media(body))
                .visibility(privately != null && privately.asBoolean() ? Visibility.PRIVATE : Visibility.PUBLIC)
                .source("webhook:" + source)
                .build();
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw BadInput.badRequest("'postedAt' must be an ISO-8601 instant such as 2026-03-02T09:15:00Z");
        }
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > 50) {
            throw BadInput.badRequest("'" + field + "' must be an array of at most 50 strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                throw BadInput.badRequest("'" + field + "' must contain only strings");
            }
            values.add(v.textValue());
        }
        return values;
    }

    private static List<Media> media(JsonNode body) {
        JsonNode array = body.get("media");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > 20) {
            throw BadInput.badRequest("'media' must be an array of at most 20 objects");
        }
        List<Media> media = new ArrayList<>();
        for (JsonNode m : array) {
            if (!m.isObject()) {
                throw BadInput.badRequest("'media' must contain objects");
            }
            String kind = RequestBodies.text(m, "kind");
            Media.Kind k;
            try {
                k = kind == null ? Media.Kind.OTHER : Media.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BadInput.badRequest("'media.kind' must be one of IMAGE, VIDEO, GIF, OTHER");
            }
            media.add(new Media(k, RequestBodies.requiredText(m, "url"), RequestBodies.text(m, "altText")));
        }
        return media;
    }
}
