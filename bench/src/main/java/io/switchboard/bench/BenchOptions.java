package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The bench's command line. */
public record BenchOptions(String profile, boolean rawOnly, double rate, Duration duration, Duration warmup,
        long rawKafkaRecords, Duration rawPostgres, int partitions, int agents, Optional<Path> output) {

    static final String USAGE = """
            bench [--rate N | --max] [--duration S] [--warmup S] [--raw-only] [--raw-kafka-records N]
                  [--raw-postgres S] [--agents N] [--profile dev] [--out FILE]
              --rate N     offer N mentions per second (default 1000); --max: as fast as they are accepted
              --duration   seconds of measured load (default 60), after --warmup seconds (default 10)
              --raw-only   measure raw Kafka and PostgreSQL only
            """;

    public static BenchOptions parse(String[] args) {
        String profile = "dev";
        boolean rawOnly = false;
        double rate = 1000;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        long rawKafkaRecords = 500_000;
        Duration rawPostgres = Duration.ofSeconds(10);
        int agents = 3;
        Optional<Path> output = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = args[++i];
                case "--raw-only" -> rawOnly = true;
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--max" -> rate = 0;
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--raw-kafka-records" -> rawKafkaRecords = Long.parseLong(args[++i]);
                case "--raw-postgres" -> rawPostgres = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--out" -> output = Optional.of(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(profile, rawOnly, rate, duration, warmup, rawKafkaRecords, rawPostgres, 12, agents, output);
    }

    public boolean maxRate() {
        return rate <= 0;
    }
}
