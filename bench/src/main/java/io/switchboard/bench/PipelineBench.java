package io.switchboard.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.switchboard.bench.agents.BenchAgents;
import io.switchboard.bench.http.JsonHttp;
import io.switchboard.bench.load.ConsumerLag;
import io.switchboard.bench.load.MachineLoad;
import io.switchboard.bench.load.PlatformCounters;
import io.switchboard.bench.pipeline.EventWatcher;
import io.switchboard.bench.pipeline.MentionDriver;
import io.switchboard.bench.pipeline.RecordedMentions;
import io.switchboard.bench.pipeline.StageTimings;
import io.switchboard.bench.proc.ProcessSampler;
import io.switchboard.bench.report.BenchReport.PipelineResult;
import io.switchboard.bench.verify.ExactlyOnce;
import io.switchboard.bench.verify.TicketLedger;
import io.switchboard.events.Topics;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Secrets;
import io.switchboard.platform.Service;
import io.switchboard.platform.Workspace;

/**
 * The pipeline under load: bench agents signed in through the gateway; recorded mentions in
 * through the signed webhook, timed until they are published, ticket messages, assigned, and pushed
 * to the agent's live connection; what every process and the platform did meanwhile; and, after
 * the load, ticket-service asked whether every accepted mention is in exactly one ticket.
 */
final class PipelineBench {

    /** The recorded conversations, the same file mention-service's replay source feeds the demo from. */
    static final Path RECORDED = Path.of("mention-service/src/main/resources/replay/ibm-twitter-customer-care-sample.json");
    static final String WEBHOOK_SOURCE = "demo";
    /** The drain ends when every actionable mention was pushed, nothing moved for this long, or at the limit. */
    static final Duration QUIET = Duration.ofSeconds(60);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);
    /** Before asking ticket-service, the consumers may finish what they have; a few records of background traffic are fine. */
    static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    static final long CAUGHT_UP_SLACK = 20;

    private final RunningPlatform platform;
    private final Workspace workspace;
    private final BenchOptions options;
    private final Map<String, Long> processes;

    PipelineBench(RunningPlatform platform, Workspace workspace, BenchOptions options, Map<String, Long> processes) {
        this.platform = platform;
        this.workspace = workspace;
        this.options = options;
        this.processes = processes;
    }

    PipelineResult run() throws Exception {
        RecordedMentions mentions = RecordedMentions.load(workspace.repoRoot().resolve(RECORDED));
        URI webhook = URI.create("http://localhost:" + platform.ports().http(Service.MENTION) + "/api/v1/channels/webhook/" + WEBHOOK_SOURCE);
        String secret = platform.secrets().get(Secrets.WEBHOOK_DEMO_SECRET);
        String stamp = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Instant begun = Instant.now();

        System.out.println("Signing in " + options.agents() + " bench agents through the gateway ...");
        try (BenchAgents agents = BenchAgents.signIn(platform, options.agents(), options.handleTime());
             EventWatcher watcher = new EventWatcher(platform.kafkaBootstrapServers(), stamp)) {
            System.out.printf("  %d agents (bench-agent-001..%03d): realm users with role agent in customer-care and tech-support,"
                    + " signed in over the gateway's WebSocket, capacity %d each (routing's maximum) = %,d tickets at once;"
                    + " each resolves a ticket %.1f s after it is pushed (PUT /api/v1/tickets/{id}/status RESOLVED on ticket-service with the agent's own token)%n",
                    agents.size(), agents.size(), agents.capacityEach(), agents.size() * agents.capacityEach(),
                    options.handleTime().toMillis() / 1000.0);
            if (agents.waitingAtStart() > 0) {
                System.out.printf("  %,d tickets were already waiting in routing's queues (the demo replay's at start-up, or an"
                        + " earlier run's); they are assigned first. Many of them make the figures incomparable:"
                        + " start from a fresh stack (./switchboard reset).%n", agents.waitingAtStart());
            }
            MentionDriver warm = new MentionDriver(webhook, secret, mentions, stamp + "-w");
            if (!options.warmup().isZero()) {
                System.out.println("Warming up for " + options.warmup().toSeconds() + " s ...");
                warm.drive(options.rate(), options.warmup());
                StageTimings.awaitDrained(warm, watcher, agents.pushedAt(), Duration.ofSeconds(10), Duration.ofMinutes(3));
            }

            PlatformCounters counters = new PlatformCounters(platform);
            PlatformCounters.Snapshot before = counters.snapshot();
            MentionDriver driver = new MentionDriver(webhook, secret, mentions, stamp + "-m");
            PipelineResult.Window window;
            StageTimings timings;
            double offeredSeconds;
            double drainSeconds;
            try (ConsumerLag lag = new ConsumerLag(platform.kafkaBootstrapServers()).start();
                 ProcessSampler sampler = new ProcessSampler(processes).start()) {
                MachineLoad machine = new MachineLoad();
                System.out.println("Offering " + (options.maxRate() ? "as many mentions as accepted" : options.rate() + " mentions/s")
                        + " for " + options.duration().toSeconds() + " s ...");
                long start = System.nanoTime();
                driver.drive(options.rate(), options.duration());
                offeredSeconds = options.duration().toMillis() / 1000.0;
                System.out.println("Waiting for the pipeline to drain ...");
                long drainStart = System.nanoTime();
                StageTimings.awaitDrained(driver, watcher, agents.pushedAt(), QUIET, DRAIN_LIMIT);
                drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                timings = StageTimings.of(driver, watcher, agents.pushedAt(), start);
                window = new PipelineResult.Window(sampler.stop(), machine.stop(), lag.stop());
            }
            PlatformCounters.PerMention perMention = PlatformCounters.perMention(before, counters.snapshot(), driver.acceptedAt().size());

            System.out.println("Agents resolve what they still hold and sign out ...");
            BenchAgents.Summary agentSummary = agents.finish();
            ExactlyOnce check = null;
            if (options.verify()) {
                System.out.println("Asking ticket-service where every accepted mention is ...");
                check = verify(stamp, begun, watcher, warm, driver);
            }
            double acceptedPerSec = timings.fromAccepted().values().iterator().next().perSecond();
            return new PipelineResult(options.maxRate() ? "max" : "fixed rate", options.rate(), offeredSeconds, driver.sent(),
                    driver.sent() / offeredSeconds, driver.acceptedAt().size(), acceptedPerSec, driver.refusedByStatus(), drainSeconds, timings,
                    watcher.duplicateMessages(), watcher.doubleAssignments(), agentSummary, perMention, window, check);
        }
    }

    private ExactlyOnce verify(String stamp, Instant begun, EventWatcher watcher, MentionDriver... drivers) throws Exception {
        JsonHttp http = new JsonHttp();
        Supplier<String> admin = BenchAgents.adminTokens(platform, http);
        TicketLedger ledger = new TicketLedger(http, "http://localhost:" + platform.ports().http(Service.TICKET), admin);
        Set<String> accepted = new HashSet<>();
        for (MentionDriver driver : drivers) {
            accepted.addAll(driver.acceptedAt().keySet());
        }
        long start = System.nanoTime();
        Map<String, Long> lag;
        try (ConsumerLag consumers = new ConsumerLag(platform.kafkaBootstrapServers())) {
            lag = consumers.awaitCaughtUp(CAUGHT_UP_SLACK, CATCH_UP_LIMIT);
        }
        long mentionsBehind = lag.getOrDefault(Topics.TICKET_SERVICE + " on " + Topics.MENTIONS, 0L);
        TicketLedger.Answer answer = ledger.ask(stamp, begun.minusSeconds(5), options.verifySample());
        return ExactlyOnce.judge(accepted, new HashMap<>(watcher.verdicts()), answer.ticketsOf(), answer.listed(), answer.read(),
                mentionsBehind, (System.nanoTime() - start) / 1e9);
    }
}
