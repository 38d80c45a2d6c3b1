package io.switchboard.mention.mention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Contact;
import io.switchboard.events.mention.Media;

/**
 * A post as every connector hands it over, whatever the platform: the one model behind all
 * channels. Connectors fill it from the platform's own shape; {@link MentionNormalizer} then makes
 * it uniform before dedupe and triage.
 *
 * @param externalId the platform's id of the post; unique within the channel (the dedupe key)
 * @param conversationId the platform's id of the thread's root post; null means "this post is a root"
 * @param inReplyToExternalId the post this one answers, null for a root post
 * @param brandAccount our account that was addressed, null when the channel has only one
 * @param text the post as written, verbatim (it may hold personal data: never log it)
 * @param language the language the platform declares (BCP 47), null if it declares none
 * @param postedAt when the customer posted, by the platform's clock; null if unknown
 * @param permalink a link to the post for the agent, null if the platform has none
 * @param repost a retweet, boost or repost of someone else's post, not the author's own words
 * @param source the connector that delivered it, e.g. {@code x-mentions}, {@code webhook:shop}
 * @param contact an off-channel address (the ask-us form), null otherwise
 */
public record Mention(
        Channel channel,
        String externalId,
        String conversationId,
        String inReplyToExternalId,
        String brandAccount,
        Author author,
        String text,
        String language,
        Instant postedAt,
        String permalink,
        List<String> links,
        List<Media> media,
        Visibility visibility,
        boolean repost,
        String source,
        Contact contact) {

    public Mention {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        links = links == null ? List.of() : List.copyOf(links);
        media = media == null ? List.of() : List.copyOf(media);
    }

    public static Builder on(Channel channel) {
        return new Builder(channel);
    }

    /** Connectors fill a mention field by field; most fields are optional on most platforms. */
    public static final class Builder {
        private final Channel channel;
        private String externalId;
        private String conversationId;
        private String inReplyToExternalId;
        private String brandAccount;
        private Author author;
        private String text = "";
        private String language;
        private Instant postedAt;
        private String permalink;
        private List<String> links = List.of();
        private List<Media> media = List.of();
        private Visibility visibility = Visibility.PUBLIC;
        private boolean repost;
        private String source;
        private Contact contact;

        private Builder(Channel channel) {
            this.channel = channel;
        }

        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        public Builder conversationId(String value) {
            conversationId = value;
            return this;
        }

        public Builder inReplyTo(String value) {
            inReplyToExternalId = value;
            return this;
        }

        public Builder brandAccount(String value) {
            brandAccount = value;
            return this;
        }

        public Builder author(Author value) {
            author = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder postedAt(Instant value) {
            postedAt = value;
            return this;
        }

        public Builder permalink(String value) {
            permalink = value;
            return this;
        }

        public Builder links(List<String> value) {
            links = value;
            return this;
        }

        public Builder media(List<Media> value) {
            media = value;
            return this;
        }

        public Builder visibility(Visibility value) {
            visibility = value;
            return this;
        }

        public Builder repost(boolean value) {
            repost = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder contact(Contact value) {
            contact = value;
            return this;
        }

        public Mention build() {
            return new Mention(channel, externalId, conversationId, inReplyToExternalId, brandAccount, author, text,
                    language, postedAt, permalink, links, media, visibility, repost, source, contact);
        }
    }
}
