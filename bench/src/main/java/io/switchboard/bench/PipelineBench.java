package io.switchboard.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.bench.pipeline.AgentsOnline;
import io.switchboard.bench.pipeline.EventWatcher;
import io.switchboard.bench.pipeline.MentionDriver;
import io.switchboard.bench.pipeline.RecordedMentions;
import io.switchboard.bench.pipeline.Timings;
import io.switchboard.bench.report.BenchReport.PipelineResult;
import io.switchboard.bench.report.Latencies;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Secrets;
import io.switchboard.platform.Workspace;

/**
 * The pipeline under load: recorded mentions in through the signed webhook, timed until they are
 * ticket messages and until their tickets are assigned, with the demo agents online.
 */
final class PipelineBench {

    /** The recorded conversations, the same file mention-service's replay source feeds the demo from. */
    static final Path RECORDED = Path.of("mention-service/src/main/resources/replay/ibm-twitter-customer-care-sample.json");
    static final String WEBHOOK_SOURCE = "demo";
    static final Duration DRAIN = Duration.ofSeconds(60);

    private final RunningPlatform platform;
    private final Workspace workspace;
    private final BenchOptions options;

    PipelineBench(RunningPlatform platform, Workspace workspace, BenchOptions options) {
        this.platform = platform;
        this.workspace = workspace;
        this.options = options;
    }

    PipelineResult run() throws Exception {
        RecordedMentions mentions = RecordedMentions.load(workspace.repoRoot().resolve(RECORDED));
        URI webhook = URI.create("http://localhost:8081/api/v1/channels/webhook/" + WEBHOOK_SOURCE);
        String secret = platform.secrets().get(Secrets.WEBHOOK_DEMO_SECRET);
        AgentsOnline.bringOnline(platform);

        String stamp = Long.toString(System.currentTimeMillis(), 36);
        if (!options.warmup().isZero()) {
            System.out.println("Warming up for " + options.warmup().toSeconds() + " s ...");
            new MentionDriver(webhook, secret, mentions, "warm-" + stamp).drive(options.rate(), options.warmup());
        }
        String runId = "bench-" + stamp;
        try (EventWatcher watcher = new EventWatcher(platform.kafkaBootstrapServers(), runId)) {
            MentionDriver driver = new MentionDriver(webhook, secret, mentions, runId);
            System.out.println("Offering " + (options.maxRate() ? "as many mentions as accepted" : options.rate() + " mentions/s")
                    + " for " + options.duration().toSeconds() + " s ...");
            long start = System.nanoTime();
            driver.drive(options.rate(), options.duration());
            double offeredSeconds = (System.nanoTime() - start) / 1e9;
            Timings timings = Timings.await(driver, watcher, DRAIN);
            Map<String, Latencies> latencies = new LinkedHashMap<>();
            latencies.put("accepted -> ticket message", Latencies.of(timings.toTicketed()));
            latencies.put("accepted -> assigned", Latencies.of(timings.toAssigned()));
            return new PipelineResult(options.maxRate() ? "max" : "fixed rate", options.rate(), offeredSeconds,
                    timings.accepted(), timings.accepted() / offeredSeconds, timings.ticketedPerSecond(start),
                    latencies, timings.accepted() - timings.toTicketed().length);
        }
    }
}
