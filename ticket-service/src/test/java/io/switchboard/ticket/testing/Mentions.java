package io.switchboard.ticket.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Contact;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.mention.Triage;

/** MentionReceived events as mention-service publishes them, with ids unique to a test run. */
public final class Mentions {

    private Mentions() {
    }

    /** An id no earlier run of the tests used (the test database outlives runs). */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static Triage actionable(String text) {
        return new Triage("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6), Intent.COMPLAINT, List.of(), text,
                false, false, 55, true, List.of("test"));
    }

    public static Triage notActionable(String text) {
        return new Triage("en", new Sentiment(Sentiment.Label.POSITIVE, 0.8), Intent.PRAISE, List.of(), text,
                false, false, 5, false, List.of("praise"));
    }

    public static Triage spam(String text) {
        return new Triage("en", new Sentiment(Sentiment.Label.NEUTRAL, 0.0), Intent.SPAM, List.of(), text,
                true, false, 0, false, List.of("spam"));
    }

    /** A post on X by {@code platformId}, in conversation {@code conversationId}. */
    public static MentionReceived post(String platformId, String handle, String conversationId, String externalId,
            String inReplyTo, String text, Triage triage, Instant acceptedAt) {
        return mention(Channel.X, platformId, handle, conversationId, externalId, inReplyTo, text, triage, acceptedAt,
                null);
    }

    public static MentionReceived mention(Channel channel, String platformId, String handle, String conversationId,
            String externalId, String inReplyTo, String text, Triage triage, Instant acceptedAt, Contact contact) {
        return mention(channel, "acme_help", platformId, handle, conversationId, externalId, inReplyTo, text, triage,
                acceptedAt, contact);
    }

    /** @param brandAccount our account addressed: {@code acme_help} (customer-care) or {@code acme_tech} (tech-support) */
    public static MentionReceived mention(Channel channel, String brandAccount, String platformId, String handle,
            String conversationId, String externalId, String inReplyTo, String text, Triage triage, Instant acceptedAt,
            Contact contact) {
        Instant accepted = acceptedAt.truncatedTo(ChronoUnit.MICROS);
        return new MentionReceived(SwitchboardEvent.newEventId(), accepted, UUID.randomUUID(), channel, externalId,
                conversationId, inReplyTo, brandAccount, new Author(platformId, handle, handle + " (name)", 120, false),
                text, "en", accepted, accepted, null, List.of(), List.of(),
                channel == Channel.ASK_US ? Visibility.PRIVATE : Visibility.PUBLIC, "test", contact, triage);
    }

    /** A new root post to one of our brand accounts. */
    public static MentionReceived rootPost(String brandAccount, String platformId, String text, Instant acceptedAt) {
        String id = unique("post");
        return mention(Channel.X, brandAccount, platformId, platformId, id, id, null, text, actionable(text), acceptedAt,
                null);
    }

    /** A new root post: its own conversation. */
    public static MentionReceived rootPost(String platformId, String text, Instant acceptedAt) {
        String id = unique("post");
        return post(platformId, platformId, id, id, null, text, actionable(text), acceptedAt);
    }
}
