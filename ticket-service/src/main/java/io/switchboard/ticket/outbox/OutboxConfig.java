package io.switchboard.ticket.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay ({@code switchboard.outbox.*}). */
@ConfigMapping(prefix = "switchboard.outbox")
public interface OutboxConfig {

    /** Rows claimed and published per round. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay runs without being nudged (a safety net; commits nudge it at once). */
    @WithDefault("1s")
    Duration relayEvery();

    /** How long a round waits for the broker's acknowledgements before giving up (rows stay unsent). */
    @WithDefault("PT30S")
    Duration publishTimeout();

    /** Sent rows are deleted after this long (they are kept a while to diagnose consumers). */
    @WithDefault("P7D")
    Duration retention();
}
