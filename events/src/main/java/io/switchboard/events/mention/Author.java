package io.switchboard.events.mention;

import io.switchboard.events.Require;

/**
 * The customer as the channel shows them.
 *
 * @param platformId the channel's stable user id (handles can change); for the ask-us form, the
 *     normalised e-mail address
 * @param followerCount reach, which raises priority; null when the channel does not say
 */
public record Author(String platformId, String handle, String displayName, Integer followerCount, boolean verified) {

    public Author {
        Require.text(platformId, "author.platformId");
    }
}
