package io.switchboard.mention.channel.replay;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The replay source: recorded conversations fed through the real ingestion path (demo, benchmark). */
@ConfigMapping(prefix = "switchboard.replay")
public interface ReplayConfig {

    /** Replay at start-up; an admin can also start a run with POST /api/v1/ops/replay. */
    @WithDefault("false")
    boolean enabled();

    /** A classpath resource in the dataset's shape (dialogHeader, dialogContent). */
    @WithDefault("replay/ibm-twitter-customer-care-sample.json")
    String resource();

    /** Pause between two posts; zero replays as fast as ingestion takes them. */
    @WithDefault("PT2S")
    Duration interval();

    /** How many times to replay the set; each pass after the first gets fresh ids. */
    @WithDefault("1")
    int loops();

    @WithDefault("PT5S")
    Duration startDelay();
}
