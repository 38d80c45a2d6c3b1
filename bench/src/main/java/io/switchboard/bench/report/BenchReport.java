package io.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.switchboard.bench.agents.BenchAgents;
import io.switchboard.bench.load.ConsumerLag;
import io.switchboard.bench.load.MachineLoad;
import io.switchboard.bench.load.PlatformCounters;
import io.switchboard.bench.pipeline.StageTimings;
import io.switchboard.bench.proc.ProcessSampler.Usage;
import io.switchboard.bench.raw.KafkaRawBench;
import io.switchboard.bench.raw.PostgresRawBench;
import io.switchboard.bench.verify.ExactlyOnce;

/**
 * One bench run: raw Kafka and PostgreSQL, the pipeline, what every process used, and the
 * correctness check. {@code idle}/{@code idleMachine} are set for a raw-only run (the stack at rest).
 */
public record BenchReport(Instant at, String machine, KafkaRawBench.Result kafka, PostgresRawBench.Result postgres,
        PipelineResult pipeline, List<Usage> idle, MachineLoad.Window idleMachine) {

    /** The pipeline's figures; null when the run measured the raw platform only. */
    public record PipelineResult(String mode, double offeredPerSec, double durationSec, long sent, double sentPerSec, long accepted,
            double acceptedPerSec, Map<Integer, Long> refusedByStatus, double drainSec, StageTimings stages, long duplicateMessages,
            long doubleAssignments, BenchAgents.Summary agents, PlatformCounters.PerMention perMention, Window window,
            ExactlyOnce exactlyOnce) {

        /** What was sampled from the start of the measured load until the pipeline drained. */
        public record Window(List<Usage> processes, MachineLoad.Window machine, Map<String, ConsumerLag.Lag> consumerLag) {
        }

        /** Mentions per second through the whole pipeline: pushed to an agent, from the window's start to the last push. */
        public double endToEndPerSec() {
            return stages.fromAccepted().values().stream().reduce((first, last) -> last).map(StageTimings.Stage::perSecond).orElse(0.0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> SERVICES = List.of("mention-service", "ticket-service", "routing-service", "agent-gateway");

    public void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("Switchboard bench, ").append(at).append(", ").append(machine).append('\n');
        line(out, "raw Kafka produce (acks=all, %d B, %d partitions)", "%,.0f rec/s  (avg %.1f ms, p99 %.0f ms)",
                kafka.recordSize(), kafka.partitions(), kafka.produceRecordsPerSec(), kafka.produceAvgLatencyMs(),
                kafka.produceP99LatencyMs());
        line(out, "raw Kafka consume", "%,.0f rec/s", kafka.consumeRecordsPerSec());
        line(out, "raw PostgreSQL single-row inserts", "%,.0f rows/s", postgres.singleRowInsertsPerSec());
        line(out, "raw PostgreSQL %d-row statements", "%,.0f rows/s", postgres.batchSize(), postgres.batchedRowsPerSec());
        if (pipeline != null) {
            pipeline(out, pipeline);
            processes(out, pipeline.window().processes(), pipeline.window().machine(), pipeline.accepted());
        } else if (idle != null) {
            out.append("the stack at rest (5 s):\n");
            processes(out, idle, idleMachine, 0);
        }
        return out.toString();
    }

    private void pipeline(StringBuilder out, PipelineResult p) {
        out.append('\n');
        line(out, "pipeline (%s%s, %.0f s)", "sent %,d (%,.0f/s), accepted %,d (%,.0f/s)%s", p.mode(),
                p.mode().equals("max") ? "" : String.format(Locale.ROOT, " %.0f/s", p.offeredPerSec()), p.durationSec(),
                p.sent(), p.sentPerSec(), p.accepted(), p.acceptedPerSec(), p.refusedByStatus().isEmpty() ? "" : ", refused " + p.refusedByStatus());
        BenchAgents.Summary a = p.agents();
        line(out, "  agents", "%d x capacity %d, handle time %.1f s: %,d tickets pushed, %,d resolved%s, %d reconnects",
                a.agents(), a.capacityEach(), a.handleTimeSec(), a.pushed(), a.resolved(),
                a.resolveRefused().isEmpty() ? "" : " (refused: " + a.resolveRefused() + ")", a.reconnects());
        if (a.waitingAtStart() > 0) {
            line(out, "  tickets already waiting at the start", "%,d (the demo replay's, or an earlier run's)", a.waitingAtStart());
        }
        out.append(String.format(Locale.ROOT, "  %-44s %8s %8s %9s %9s %9s %9s%n", "stage, from acceptance", "count", "per s",
                "p50 ms", "p95 ms", "p99 ms", "max ms"));
        p.stages().fromAccepted().forEach((stage, s) -> out.append(String.format(Locale.ROOT, "  %-44s %8d %8.0f %s%n", stage,
                s.count(), s.perSecond(), s.latency().count() == 0 ? "" : percentiles(s.latency()))));
        p.stages().hops().forEach((hop, l) -> out.append(String.format(Locale.ROOT, "  %-44s %8d %8s %s%n", "  hop " + hop,
                l.count(), "", percentiles(l))));
        StageTimings.Counts c = p.stages().counts();
        line(out, "  triage", "%,d actionable, %,d not actionable (recorded, no ticket)", c.actionable(), c.notActionable());
        line(out, "  not reached by the end of the drain", "%,d actionable not ticketed, %,d ticketed not assigned, %,d assigned not pushed"
                + " (drained %.0f s after the load)", c.actionableNotTicketed(), c.ticketedNotAssigned(), c.assignedNotPushed(), p.drainSec());
        double endToEnd = p.endToEndPerSec();
        PlatformCounters.PerMention m = p.perMention();
        double kafkaPerMention = m.kafkaRecords().values().stream().mapToDouble(Double::doubleValue).sum();
        double rowsPerMention = m.dbRowsWritten().values().stream().mapToDouble(Double::doubleValue).sum();
        double commitsPerMention = m.dbCommits().values().stream().mapToDouble(Double::doubleValue).sum();
        line(out, "  end to end (pushed to an agent)", "%,.0f mentions/s", endToEnd);
        line(out, "  where a mention waits longest", "%s", p.stages().slowestHop());
        line(out, "  per mention, Kafka records", "%.2f  %s", kafkaPerMention, fractions(m.kafkaRecords()));
        line(out, "  per mention, PostgreSQL commits", "%.2f  %s", commitsPerMention, fractions(m.dbCommits()));
        line(out, "  per mention, PostgreSQL rows written", "%.2f  %s", rowsPerMention, fractions(m.dbRowsWritten()));
        line(out, "  mentions/s as a share of raw Kafka produce", "%.2f %%  (its records: %.1f %%)",
                100 * endToEnd / kafka.produceRecordsPerSec(), 100 * endToEnd * kafkaPerMention / kafka.produceRecordsPerSec());
        line(out, "  mentions/s as a share of raw PG single-row", "%.1f %%  (its commits: %.1f %%)",
                100 * endToEnd / postgres.singleRowInsertsPerSec(), 100 * endToEnd * commitsPerMention / postgres.singleRowInsertsPerSec());
        line(out, "  mentions/s as a share of raw PG batched rows", "%.2f %%  (its rows: %.1f %%)",
                100 * endToEnd / postgres.batchedRowsPerSec(), 100 * endToEnd * rowsPerMention / postgres.batchedRowsPerSec());
        p.window().consumerLag().forEach((group, lag) -> line(out, "  consumer lag " + group, "max %,d, mean %,.0f, at the end %,d records",
                lag.max(), lag.mean(), lag.last()));
        line(out, "  duplicate ticket messages / double assignments", "%d / %d (seen on Kafka)", p.duplicateMessages(), p.doubleAssignments());
        ExactlyOnce e = p.exactlyOnce();
        if (e != null) {
            line(out, "  exactly one ticket per mention", "%s: %,d accepted (with warm-up), %,d actionable found in exactly one ticket of %,d;"
                    + " in none %d, in several tickets %d, repeated in a ticket %d, not actionable yet ticketed %d, verdict unknown %d;"
                    + " %,d not yet consumed by ticket-service (%,d tickets listed, %,d read whole, in %.0f s)",
                    e.verdict(), e.accepted(), e.inExactlyOne(), e.actionable(), e.lost(), e.inSeveralTickets(),
                    e.repeatedInTicket(), e.notActionableTicketed(), e.unknownVerdict(), e.notYetConsumed(), e.ticketsListed(),
                    e.ticketsRead(), e.seconds());
        }
    }

    /** Each process's CPU and peak memory; with mentions, also its CPU time per mention (load and drain, resolutions included). */
    private static void processes(StringBuilder out, List<Usage> usages, MachineLoad.Window machine, long mentions) {
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-30s %8s %10s %14s %16s%n", "process", "pid", "CPU cores", "peak mem MiB",
                mentions > 0 ? "CPU ms/mention" : ""));
        double ours = 0;
        long servicesMemory = 0;
        for (Usage usage : usages) {
            out.append(String.format(Locale.ROOT, "%-30s %8d %10.2f %14d %16s%n", usage.name(), usage.pid(), usage.cpuCores(),
                    usage.peakRssMiB(), mentions > 0 ? String.format(Locale.ROOT, "%.2f", usage.cpuSeconds() * 1000 / mentions) : ""));
            ours += usage.cpuCores();
            if (SERVICES.contains(usage.name())) {
                servicesMemory += usage.peakRssMiB();
            }
        }
        double servicesCpuSeconds = usages.stream().filter(u -> SERVICES.contains(u.name())).mapToDouble(Usage::cpuSeconds).sum();
        out.append(String.format(Locale.ROOT, "%-30s %8s %10.2f %14d %16s%n", "the four services", "", usages.stream()
                .filter(u -> SERVICES.contains(u.name())).mapToDouble(Usage::cpuCores).sum(), servicesMemory,
                mentions > 0 ? String.format(Locale.ROOT, "%.2f", servicesCpuSeconds * 1000 / mentions) : ""));
        out.append(String.format(Locale.ROOT, "%-30s %8s %10.2f%n", "everything else on the machine", "",
                Math.max(0, machine.busyCores() - ours)));
        out.append(String.format(Locale.ROOT, "machine: %d cores, %.2f busy; load average %s before, %s after%n", machine.cores(),
                machine.busyCores(), machine.loadAverageBefore(), machine.loadAverageAfter()));
    }

    private static String percentiles(Latencies l) {
        return String.format(Locale.ROOT, "%9.1f %9.1f %9.1f %9.1f", l.p50(), l.p95(), l.p99(), l.max());
    }

    private static String fractions(Map<String, Double> values) {
        return values.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder out, String labelFormat, String valueFormat, Object... args) {
        int labelArgs = countFormats(labelFormat);
        Object[] labelValues = java.util.Arrays.copyOfRange(args, 0, labelArgs);
        Object[] values = java.util.Arrays.copyOfRange(args, labelArgs, args.length);
        out.append(String.format(Locale.ROOT, "%-48s ", String.format(Locale.ROOT, labelFormat, labelValues)))
                .append(String.format(Locale.ROOT, valueFormat, values)).append('\n');
    }

    private static int countFormats(String format) {
        return format.replace("%%", "").split("%", -1).length - 1;
    }
}
