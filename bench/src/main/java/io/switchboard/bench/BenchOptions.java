package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The bench's command line. */
public record BenchOptions(String profile, boolean rawOnly, double rate, Duration duration, Duration warmup,
        long rawKafkaRecords, Duration rawPostgres, int partitions, int agents, Duration handleTime, boolean verify,
        int verifySample, Optional<Path> output) {

    static final String USAGE = """
            bench [--rate N | --max] [--duration S] [--warmup S] [--raw-only] [--raw-kafka-records N]
                  [--raw-postgres S] [--agents N] [--handle-time S] [--verify-sample N | --no-verify]
                  [--profile dev] [--out FILE]
              --rate N        offer N mentions per second (default 1000); --max: as fast as they are accepted
              --duration S    seconds of measured load (default 60), after --warmup seconds (default 10)
              --raw-only      measure raw Kafka and PostgreSQL only
              --agents N      bench agents signed in through the gateway (default 40, capacity 100 each)
              --handle-time S seconds an agent holds a ticket before resolving it (default 1)
              --verify-sample N  after the run, read N of the run's tickets whole (default: all) besides listing them all
              --no-verify     skip asking ticket-service, after the run, where every mention is
            """;

    public static BenchOptions parse(String[] args) {
        String profile = "dev";
        boolean rawOnly = false;
        double rate = 1000;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        long rawKafkaRecords = 500_000;
        Duration rawPostgres = Duration.ofSeconds(10);
        int agents = 40;
        Duration handleTime = Duration.ofSeconds(1);
        boolean verify = true;
        int verifySample = 0;
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
                case "--handle-time" -> handleTime = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
                case "--no-verify" -> verify = false;
                case "--verify-sample" -> verifySample = Integer.parseInt(args[++i]);
                case "--out" -> output = Optional.of(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(profile, rawOnly, rate, duration, warmup, rawKafkaRecords, rawPostgres, 12, agents, handleTime,
                verify, verifySample, output);
    }

    public boolean maxRate() {
        return rate <= 0;
    }
}
