package io.switchboard.mention.channel.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.mention.mention.Mention;

/**
 * Recorded customer-care conversations (the IBM dataset's shape) as the mentions a live channel
 * would have delivered: each turn a post, threaded to the conversation's first turn and to the
 * turn before it, the brand's own turns included (triage marks them as the brand's posts).
 */
public final class RecordedConversations {

    public static final String SOURCE = "replay";

    private RecordedConversations() {
    }

    public static List<List<Mention>> load(String resource, String idSuffix) {
        JsonNode conversations;
        try (InputStream in = RecordedConversations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no replay resource " + resource);
            }
            conversations = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<Mention>> all = new ArrayList<>();
        for (JsonNode conversation : conversations) {
            String brand = conversation.path("dialogHeader").path("company").asText(null);
            List<Mention> turns = new ArrayList<>();
            String root = null;
            String previous = null;
            for (JsonNode turn : conversation.path("dialogContent")) {
                String id = turn.path("tweet_ID").asText("");
                String text = turn.path("message").asText(null);
                String handle = turn.path("client").asText(turn.path("agent").asText(""));
                if (id.isEmpty() || text == null || handle.isEmpty()) {
                    continue;
                }
                String externalId = id + idSuffix;
                root = root == null ? externalId : root;
                turns.add(Mention.on(Channel.REPLAY).externalId(externalId).conversationId(root).inReplyTo(previous)
                        .brandAccount(brand).author(new Author(handle, handle, null, null, false)).text(text)
                        .postedAt(instant(turn.path("datetime").asText(null))).visibility(Visibility.PUBLIC)
                        .source(SOURCE).build());
                previous = externalId;
            }
            if (!turns.isEmpty()) {
                all.add(turns);
            }
        }
        return all;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
