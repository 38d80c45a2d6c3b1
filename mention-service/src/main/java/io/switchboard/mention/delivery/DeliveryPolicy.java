package io.switchboard.mention.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How replies are retried. */
@ConfigMapping(prefix = "switchboard.delivery")
public interface DeliveryPolicy {

    /** Platform calls per reply before it is given up (ReplyFailed). */
    @WithDefault("5")
    int maxAttempts();

    /** The first retry delay; doubled for each further attempt. */
    @WithDefault("PT5S")
    Duration retryDelay();

    @WithDefault("PT10M")
    Duration maxRetryDelay();

    /**
     * How long a worker may be inside a platform call. A POSTING delivery older than this is in
     * doubt (its worker died): it is looked for on the platform before anything else happens.
     */
    @WithDefault("PT2M")
    Duration lease();

    @WithDefault("1s")
    String pollInterval();
}
