package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.bench.proc.ProcessSampler;
import io.switchboard.bench.raw.KafkaRawBench;
import io.switchboard.bench.raw.PostgresRawBench;
import io.switchboard.bench.report.BenchReport;
import io.switchboard.platform.BuildInfo;
import io.switchboard.platform.PlatformState;
import io.switchboard.platform.Profile;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.StateDir;
import io.switchboard.platform.Workspace;

/**
 * The benchmark: against a running stack (./switchboard run, or the bench command which starts
 * one), measures raw Kafka and PostgreSQL and then the pipeline, in the same run, and prints the
 * figures as a table and JSON.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Workspace workspace = Workspace.find();
        Profile profile = Profile.parse(options.profile());
        RunningPlatform platform = RunningPlatform.connect(workspace, profile).orElseThrow(() -> new IllegalStateException(
                "no running " + profile + " stack: start it with ./switchboard run (or ./switchboard bench, which starts one)"));
        StateDir state = workspace.state(profile);
        Map<String, Long> processes = processes(state);

        System.out.println("Measuring raw Kafka (" + options.rawKafkaRecords() + " records) ...");
        KafkaRawBench.Result kafka = new KafkaRawBench(BuildInfo.get().kafkaBrokerDir(workspace.repoRoot()),
                platform.kafkaBootstrapServers()).run(options.rawKafkaRecords(), 300, options.partitions());
        System.out.println("Measuring raw PostgreSQL (" + options.rawPostgres().toSeconds() + " s each) ...");
        PostgresRawBench.Result postgres = new PostgresRawBench("localhost", platform.ports().postgres(), "postgres",
                platform.secrets().postgresSuperuserPassword()).run(options.rawPostgres());

        BenchReport.PipelineResult pipeline = null;
        List<ProcessSampler.Usage> usage;
        try (ProcessSampler sampler = new ProcessSampler(processes).start()) {
            if (!options.rawOnly()) {
                pipeline = new PipelineBench(platform, workspace, options).run();
            } else {
                Thread.sleep(Duration.ofSeconds(5).toMillis()); // an idle window: what the stack costs at rest
            }
            usage = sampler.stop();
        }

        BenchReport report = new BenchReport(Instant.now(), machine(), kafka, postgres, pipeline, usage);
        Path json = options.output().orElse(workspace.repoRoot().resolve("bench/results/bench-" + Instant.now().getEpochSecond() + ".json"));
        report.writeJson(json);
        System.out.println();
        System.out.print(report.table());
        System.out.println("JSON: " + json);
    }

    private static Map<String, Long> processes(StateDir state) {
        PlatformState recorded = PlatformState.read(state.platformJson())
                .orElseThrow(() -> new IllegalStateException("no platform.json in " + state.dir()));
        Map<String, Long> pids = new LinkedHashMap<>();
        recorded.processes().forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + " MiB bench heap, Java " + System.getProperty("java.version");
    }
}
