package io.switchboard.platform;

import io.switchboard.platform.PlatformState.ProcessRecord;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code status}: what runs for a profile, whether each part really answers, and its memory. */
final class PlatformStatus {

    /** All parts answer. */
    static final int UP = 0;
    /** Some part is down or not answering. */
    static final int DEGRADED = 1;
    /** Nothing runs for the profile. */
    static final int NOT_RUNNING = 3;

    private PlatformStatus() {
    }

    static int print(Workspace workspace, Profile profile, PrintStream out) {
        StateDir state = workspace.state(profile);
        Optional<PlatformState> recorded = PlatformState.read(state.platformJson());
        if (recorded.isEmpty()) {
            boolean strayPostgres = PostgresServer.postmaster(state.postgresData()).isPresent();
            out.println("The " + profile + " platform is not running" + (strayPostgres
                    ? " (but a PostgreSQL from an earlier run is: `down --profile " + profile + "` stops it)" : "") + ".");
            return strayPostgres ? DEGRADED : NOT_RUNNING;
        }
        PlatformState s = recorded.get();
        Ports ports = profile.ports();
        Secrets secrets = Secrets.load(state.secretsFile());
        boolean launcherAlive = s.launcher() != null && Processes.find(s.launcher()).isPresent();
        out.printf("Switchboard %s platform, started %s (%s ago), %s%n", profile, s.startedAt(), ago(s.startedAt()),
                s.detached() ? "detached" : "launcher pid " + s.launcher().pid() + (launcherAlive ? "" : " (gone)"));
        boolean allUp = s.ready();
        allUp &= line(out, s, "kafka", "localhost:" + ports.kafka(), KafkaBroker.answers(ports.kafka()));
        allUp &= line(out, s, "postgres", "localhost:" + ports.postgres(), PostgresServer.answers(ports.postgres(), secrets));
        allUp &= line(out, s, "keycloak", "http://localhost:" + ports.keycloak(), KeycloakServer.answers(ports));
        for (Service service : Service.values()) {
            if (s.process(service.moduleName()).isPresent()) {
                allUp &= line(out, s, service.moduleName(), "http://localhost:" + ports.http(service),
                        KeycloakServer.get("http://localhost:" + ports.http(service) + "/q/health/ready").isPresent());
            }
        }
        if (!s.ready()) {
            out.println("  (still starting, or its start failed: see " + state.logs() + ")");
        }
        out.println(allUp ? "Status: up" : "Status: DEGRADED");
        return allUp ? UP : DEGRADED;
    }

    private static boolean line(PrintStream out, PlatformState s, String name, String address, boolean answers) {
        Optional<ProcessRecord> record = s.process(name);
        Optional<ProcessHandle> live = record.flatMap(Processes::find);
        String process = live.map(h -> String.format("pid %-7d %6d MiB", h.pid(), Processes.memoryKiB(h) / 1024))
                .orElse(record.isPresent() ? "process gone" : "not started");
        Double seconds = s.readySeconds().get(name);
        out.printf("  %-16s %-24s %-4s %s%s%n", name, address, answers ? "up" : "DOWN", process,
                seconds == null ? "" : String.format("   ready in %.1f s", seconds));
        return answers;
    }

    private static String ago(Instant instant) {
        Duration d = Duration.between(instant, Instant.now());
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
