package io.switchboard.mention.channel.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The generic signed webhook. Each source has its own secret, e.g.
 * {@code SWITCHBOARD_WEBHOOK_SOURCES_SHOP_SECRET} for source {@code shop}; a source without one
 * does not exist.
 */
@ConfigMapping(prefix = "switchboard.webhook")
public interface WebhookConfig {

    Map<String, Source> sources();

    /** How far a request's timestamp may be from our clock, either way. */
    @WithDefault("PT5M")
    Duration tolerance();

    interface Source {
        /** The shared HMAC-SHA256 secret. */
        Optional<String> secret();
    }
}
