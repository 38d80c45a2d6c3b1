package io.switchboard.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.bench.http.JsonHttp;
import io.switchboard.bench.load.MachineLoad;
import io.switchboard.bench.proc.ProcessSampler;
import io.switchboard.bench.raw.KafkaRawBench;
import io.switchboard.bench.raw.PostgresRawBench;
import io.switchboard.bench.report.BenchReport;
import io.switchboard.platform.BuildInfo;
import io.switchboard.platform.PlatformState;
import io.switchboard.platform.Profile;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;
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
        if (!options.rawOnly()) {
            requireReady(platform);
        }

        System.out.println("Load average " + MachineLoad.loadAverage() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores: figures are what this stack gets of the machine beside whatever else runs on it");
        System.out.println("Measuring raw Kafka (" + options.rawKafkaRecords() + " records) ...");
        KafkaRawBench.Result kafka = new KafkaRawBench(BuildInfo.get().kafkaBrokerDir(workspace.repoRoot()),
                platform.kafkaBootstrapServers()).run(options.rawKafkaRecords(), 300, options.partitions());
        System.out.println("Measuring raw PostgreSQL (" + options.rawPostgres().toSeconds() + " s each) ...");
        PostgresRawBench.Result postgres = new PostgresRawBench("localhost", platform.ports().postgres(), "postgres",
                platform.secrets().postgresSuperuserPassword()).run(options.rawPostgres());

        BenchReport.PipelineResult pipeline = null;
        List<ProcessSampler.Usage> idle = null;
        MachineLoad.Window idleMachine = null;
        if (options.rawOnly()) {
            try (ProcessSampler sampler = new ProcessSampler(processes).start()) {
                MachineLoad machine = new MachineLoad();
                Thread.sleep(Duration.ofSeconds(5).toMillis()); // an idle window: what the stack costs at rest
                idle = sampler.stop();
                idleMachine = machine.stop();
            }
        } else {
            pipeline = new PipelineBench(platform, workspace, options, processes).run();
        }

        BenchReport report = new BenchReport(Instant.now(), machine(), kafka, postgres, pipeline, idle, idleMachine);
        Path json = options.output().orElse(workspace.repoRoot().resolve("bench/results/bench-" + Instant.now().getEpochSecond() + ".json"));
        report.writeJson(json);
        System.out.println();
        System.out.print(report.table());
        System.out.println("JSON: " + json);
    }

    /**
     * The launcher's processes, each measured with its descendants (so a process the launcher also
     * lists as a child of another, such as Keycloak's JVM under its script, is left out), and the bench itself.
     */
    private static Map<String, Long> processes(StateDir state) {
        PlatformState recorded = PlatformState.read(state.platformJson())
                .orElseThrow(() -> new IllegalStateException("no platform.json in " + state.dir()));
        Map<String, Long> pids = new LinkedHashMap<>();
        recorded.processes().forEach(p -> pids.put(p.name(), p.pid()));
        Set<Long> descendants = new HashSet<>();
        pids.values().forEach(pid -> ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> descendants.add(d.pid()))));
        pids.values().removeIf(descendants::contains);
        pids.put("bench (this load generator)", ProcessHandle.current().pid());
        return pids;
    }

    /** A service whose readiness is down (a consumer channel that stopped, say) would make the figures meaningless. */
    private static void requireReady(RunningPlatform platform) {
        JsonHttp http = new JsonHttp();
        for (Service service : Service.values()) {
            JsonHttp.Response ready = http.get(URI.create("http://localhost:" + platform.ports().http(service) + "/q/health/ready"), null);
            if (!ready.ok()) {
                throw new IllegalStateException(service.moduleName() + " is not ready (HTTP " + ready.status() + "): "
                        + ready.body() + "\nrestart the stack (./switchboard stop, then run) before benchmarking");
            }
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + " MiB bench heap, Java " + System.getProperty("java.version");
    }
}
