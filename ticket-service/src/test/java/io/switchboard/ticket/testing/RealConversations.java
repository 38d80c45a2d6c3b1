package io.switchboard.ticket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.mention.MentionReceived;

/**
 * Real customer-care conversations (src/test/resources/conversations, Apache-2.0) as the mentions
 * mention-service would publish for their customer turns: the first turn's tweet is the
 * conversation root, each turn answers the one before. Ids carry a run suffix so runs never meet.
 */
public final class RealConversations {

    /** One conversation: its customer's turns as mentions, in order. */
    public record Conversation(String company, String customerHandle, List<MentionReceived> customerTurns) {
    }

    private RealConversations() {
    }

    public static List<Conversation> load(Instant acceptedFrom) {
        String run = Mentions.unique("run");
        try (InputStream in = RealConversations.class.getResourceAsStream("/conversations/ibm-twitter-customer-care-sample.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Conversation> conversations = new ArrayList<>();
            Instant accepted = acceptedFrom;
            for (JsonNode conversation : root) {
                JsonNode turns = conversation.get("dialogContent");
                String rootId = turns.get(0).get("tweet_ID").asText() + "-" + run;
                String previous = null;
                String handle = null;
                List<MentionReceived> mentions = new ArrayList<>();
                for (JsonNode turn : turns) {
                    String tweetId = turn.get("tweet_ID").asText() + "-" + run;
                    if (turn.has("client")) {
                        handle = turn.get("client").asText();
                        String text = turn.get("message").asText();
                        accepted = accepted.plusSeconds(30);
                        mentions.add(Mentions.post("u-" + handle + "-" + run, handle, rootId, tweetId, previous, text,
                                Mentions.actionable(text), accepted));
                    }
                    previous = tweetId;
                }
                conversations.add(new Conversation(conversation.get("dialogHeader").get("company").asText(), handle,
                        mentions));
            }
            return conversations;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
