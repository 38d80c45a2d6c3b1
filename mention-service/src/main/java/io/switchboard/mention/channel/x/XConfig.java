package io.switchboard.mention.channel.x;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * X (API v2). Credentials come from the environment ({@code SWITCHBOARD_X_BEARER_TOKEN},
 * {@code SWITCHBOARD_X_USER_ACCESS_TOKEN}, {@code SWITCHBOARD_X_CONSUMER_SECRET}), never from a
 * file in the repository; the base URL ({@code SWITCHBOARD_X_API_BASE_URL}) lets tests and staging
 * point at a fake.
 */
@ConfigMapping(prefix = "switchboard.x")
public interface XConfig {

    enum Ingest {
        /** GET /2/users/{id}/mentions on a timer, with a persisted since_id. */
        POLLING,
        /** GET /2/tweets/search/stream with rules kept in sync. */
        STREAM,
        /** Only the Account Activity webhook (or nothing). */
        NONE
    }

    @WithDefault("false")
    boolean enabled();

    @WithDefault("https://api.x.com")
    String apiBaseUrl();

    /** App-only bearer token: mentions timeline, filtered stream and its rules. */
    Optional<String> bearerToken();

    /** OAuth 2.0 user-context token of the brand account: posts replies and direct messages. */
    Optional<String> userAccessToken();

    /** The app's consumer secret: Account Activity CRC answers and webhook signatures. */
    Optional<String> consumerSecret();

    /** The brand account's user id (mentions polling, recognising our own posts). */
    Optional<String> brandUserId();

    /** The brand account's handle without @, e.g. acme_help; stream rules mention it. */
    Optional<String> brandHandle();

    @WithDefault("POLLING")
    Ingest ingest();

    @WithDefault("PT60S")
    Duration pollInterval();

    /** Pages read in one poll; the rest comes next time (the cursor only moves past what was read). */
    @WithDefault("10")
    int maxPagesPerPoll();

    /** Extra stream rule terms besides the brand handle, e.g. product names. */
    Optional<List<String>> keywords();

    /** X sends a keep-alive every 20 s; this long without one means the stream is dead. */
    @WithDefault("PT30S")
    Duration keepAliveTimeout();

    @WithDefault("PT1S")
    Duration reconnectInitialDelay();

    @WithDefault("PT5M")
    Duration reconnectMaxDelay();

    /** At most how many minutes of missed posts to ask back after a reconnect (X allows up to 5). */
    @WithDefault("5")
    int maxBackfillMinutes();

    @WithDefault("PT10S")
    Duration requestTimeout();
}
