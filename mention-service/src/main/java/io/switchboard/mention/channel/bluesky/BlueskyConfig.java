package io.switchboard.mention.channel.bluesky;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bluesky: the brand's account on its PDS. {@code SWITCHBOARD_BLUESKY_BASE_URL} (default
 * https://bsky.social), {@code SWITCHBOARD_BLUESKY_IDENTIFIER} (handle or DID) and
 * {@code SWITCHBOARD_BLUESKY_APP_PASSWORD} (an app password, never the account password).
 */
@ConfigMapping(prefix = "switchboard.bluesky")
public interface BlueskyConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("https://bsky.social")
    String baseUrl();

    Optional<String> identifier();

    Optional<String> appPassword();

    @WithDefault("PT30S")
    Duration pollInterval();

    @WithDefault("10")
    int maxPagesPerPoll();

    @WithDefault("PT10S")
    Duration requestTimeout();
}
