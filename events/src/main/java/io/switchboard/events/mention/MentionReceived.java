package io.switchboard.events.mention;

import io.switchboard.events.Channel;
import io.switchboard.events.EventType;
import io.switchboard.events.Require;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post from a channel, normalised, de-duplicated and triaged. ticket-service turns each one into
 * exactly one ticket message.
 *
 * <p>Kafka key: {@link #conversationKey()}, not the mention id, so every post of a conversation is
 * processed in order and threads into the same ticket.
 *
 * @param mentionId Switchboard's id for this mention; the aggregate id
 * @param externalId the channel's id for the post; unique per channel (the dedupe key)
 * @param conversationId the channel's id of the thread's root post; a root post is its own root
 * @param inReplyToExternalId the post this one answers, null for a root post
 * @param brandAccount our account on the channel that was addressed (e.g. {@code @acme_help}); null
 *     when the channel has only one
 * @param text the post as written; may contain personal data, never log it
 * @param language the language the channel declares (BCP 47), null if none; see also triage
 * @param postedAt when the customer posted, by the channel's clock; null if the source gives none
 * @param acceptedAt when Switchboard accepted the post; SLAs and the benchmark measure from it
 * @param permalink link to the post for the agent, null if the channel has none
 * @param source the connector or webhook source that delivered it (e.g. {@code x-account-activity})
 * @param contact how to reach the customer off-channel; set for the ask-us form, else usually null
 */
@EventType(value = "switchboard.mention.received", version = 1)
public record MentionReceived(
        UUID eventId,
        Instant occurredAt,
        UUID mentionId,
        Channel channel,
        String externalId,
        String conversationId,
        String inReplyToExternalId,
        String brandAccount,
        Author author,
        String text,
        String language,
        Instant postedAt,
        Instant acceptedAt,
        String permalink,
        List<String> links,
        List<Media> media,
        Visibility visibility,
        String source,
        Contact contact,
        Triage triage) implements SwitchboardEvent {

    public MentionReceived {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(mentionId, "mentionId");
        Require.present(channel, "channel");
        Require.text(externalId, "externalId");
        Require.text(conversationId, "conversationId");
        Require.present(author, "author");
        Require.present(text, "text"); // may be empty: a post can be only media
        Require.present(acceptedAt, "acceptedAt");
        links = Require.list(links, "links");
        media = Require.list(media, "media");
        Require.present(visibility, "visibility");
        Require.present(triage, "triage");
    }

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }

    /** The conversation, e.g. {@code x:1790000000000000000}; see {@link Channel#conversationKey}. */
    public String conversationKey() {
        return channel.conversationKey(conversationId);
    }

    @Override
    public String partitionKey() {
        return conversationKey();
    }
}
