package io.switchboard.events.mention;

import io.switchboard.events.Require;

/** An attachment of a post. {@code altText} is the author's description, null if none. */
public record Media(Kind kind, String url, String altText) {

    public enum Kind {
        IMAGE,
        VIDEO,
        GIF,
        OTHER
    }

    public Media {
        Require.present(kind, "media.kind");
        Require.text(url, "media.url");
    }
}
