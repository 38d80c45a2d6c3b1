package io.switchboard.mention.channel.askus;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public "ask us" form. */
@ConfigMapping(prefix = "switchboard.ask")
public interface AskUsConfig {

    /** Questions one client address may send per {@link #ratePeriod()}. */
    @WithDefault("5")
    int rateLimit();

    @WithDefault("PT10M")
    Duration ratePeriod();

    /**
     * Where customers reach this service from outside, e.g. {@code https://help.example.com}; the
     * follow-up link is built on it. Absent: the link is relative to this service.
     */
    Optional<String> publicUrl();
}
