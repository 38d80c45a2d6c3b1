package io.switchboard.mention.channel.mastodon;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Mastodon: the brand's account on one instance. {@code SWITCHBOARD_MASTODON_BASE_URL} is the
 * instance (or a fake), {@code SWITCHBOARD_MASTODON_ACCESS_TOKEN} the account's token
 * (scopes read:notifications write:statuses).
 */
@ConfigMapping(prefix = "switchboard.mastodon")
public interface MastodonConfig {

    @WithDefault("false")
    boolean enabled();

    Optional<String> baseUrl();

    Optional<String> accessToken();

    /** Our account name (acct) on the instance, e.g. acme_help. */
    Optional<String> brandHandle();

    @WithDefault("PT30S")
    Duration pollInterval();

    @WithDefault("10")
    int maxPagesPerPoll();

    @WithDefault("PT10S")
    Duration requestTimeout();
}
