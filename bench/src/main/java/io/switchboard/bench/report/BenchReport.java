package io.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.switchboard.bench.proc.ProcessSampler.Usage;
import io.switchboard.bench.raw.KafkaRawBench;
import io.switchboard.bench.raw.PostgresRawBench;

/** One bench run: raw Kafka and PostgreSQL, the pipeline, and what every process used. */
public record BenchReport(Instant at, String machine, KafkaRawBench.Result kafka, PostgresRawBench.Result postgres,
        PipelineResult pipeline, List<Usage> processes) {

    /** The pipeline's figures; null when the run measured the raw platform only. */
    public record PipelineResult(String mode, double offeredPerSec, double durationSec, long accepted,
            double acceptedPerSec, double ticketedPerSec, Map<String, Latencies> latencies, long unaccounted) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

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
            line(out, "pipeline (%s, offered %.0f/s, %.0f s)", "%,.0f accepted/s, %,.0f ticketed/s", pipeline.mode(),
                    pipeline.offeredPerSec(), pipeline.durationSec(), pipeline.acceptedPerSec(), pipeline.ticketedPerSec());
            line(out, "  as a share of raw Kafka produce", "%.1f %%", 100 * pipeline.ticketedPerSec() / kafka.produceRecordsPerSec());
            line(out, "  as a share of raw PostgreSQL single-row", "%.1f %%", 100 * pipeline.ticketedPerSec() / postgres.singleRowInsertsPerSec());
            pipeline.latencies().forEach((stage, l) -> line(out, "  %s", "n=%,d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms",
                    stage, l.count(), l.p50(), l.p95(), l.p99(), l.max()));
            line(out, "  accepted but not seen ticketed", "%,d", pipeline.unaccounted());
        }
        out.append(String.format(Locale.ROOT, "%-24s %8s %10s %14s%n", "process", "pid", "CPU cores", "peak mem MiB"));
        for (Usage usage : processes) {
            out.append(String.format(Locale.ROOT, "%-24s %8d %10.2f %14d%n", usage.name(), usage.pid(), usage.cpuCores(), usage.peakRssMiB()));
        }
        return out.toString();
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
