package io.switchboard.platform;

import io.switchboard.platform.PlatformState.ProcessRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stops the Kafka broker or the PostgreSQL server of a running platform — gracefully or with
 * SIGKILL — and starts it again on the same ports and the same data, for the fault tests. Works on a
 * platform started by another process (normally {@code up --detach}, whose processes are known only
 * from {@code platform.json}) or by this JVM; the replacement process is recorded in
 * {@code platform.json}, so {@code down} stops it like the original.
 */
public final class PlatformRestarts {

    /** How the part goes down. */
    public enum Stop {
        /** SIGTERM for Kafka (controlled shutdown), a fast shutdown for PostgreSQL (clients cut off, WAL flushed). */
        GRACEFUL,
        /** SIGKILL: no chance to flush or to say goodbye; the restart recovers from the logs. */
        KILL
    }

    /**
     * One restart, timed: {@code stopping} until the old process was gone, {@code down} the outage asked
     * for, {@code starting} from the start command until the part answered again.
     */
    public record Restart(String part, Stop stop, long oldPid, long newPid, Duration stopping, Duration down, Duration starting) {

        /** From the moment the part was told to stop until it answered again. */
        public Duration outage() {
            return stopping.plus(down).plus(starting);
        }
    }

    private static final Duration KILLED_CHILDREN_GRACE = Duration.ofSeconds(10);

    private final Workspace workspace;
    private final StateDir state;
    private final Ports ports;
    private final Consumer<String> log;

    PlatformRestarts(Workspace workspace, StateDir state, Ports ports, Consumer<String> log) {
        this.workspace = workspace;
        this.state = state;
        this.ports = ports;
        this.log = log;
    }

    /** For the running platform of a profile in this repository, e.g. the test platform. */
    public static PlatformRestarts of(Workspace workspace, Profile profile, Consumer<String> log) {
        return new PlatformRestarts(workspace, workspace.state(profile), profile.ports(), log);
    }

    /** Stops the broker, waits {@code downFor}, starts it again and waits until it serves every topic. */
    public Restart restartKafka(Stop stop, Duration downFor) {
        PlatformState run = runningRecord();
        ProcessRecord recorded = run.process("kafka").orElseThrow(() -> new PlatformException("platform.json records no Kafka broker"));
        ProcessHandle old = Processes.find(recorded)
                .orElseThrow(() -> new PlatformException("the recorded Kafka broker (pid " + recorded.pid() + ") is not running"));

        long t0 = System.nanoTime();
        log.accept("Kafka: " + (stop == Stop.KILL ? "SIGKILL to" : "stopping") + " the broker (pid " + old.pid() + ")");
        if (stop == Stop.KILL) {
            kill(old);
        } else {
            Processes.terminate(old, Platform.KAFKA_TIMEOUT);
        }
        Duration stopping = since(t0);
        pause(downFor);

        long t1 = System.nanoTime();
        KafkaBroker kafka = new KafkaBroker(workspace, state, ports,
                KafkaBroker.configuredPartitions(state, Platform.Options.DEFAULT_PARTITIONS), log);
        Process broker = kafka.start();
        record(Processes.record("kafka", broker.toHandle()));
        if (ownedByThisJvm(run)) {
            // This JVM's Platform knows only the first broker; without this the replacement would outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Processes.terminate(broker.toHandle(), Platform.KAFKA_TIMEOUT),
                    "switchboard-restarted-kafka-stop"));
        }
        kafka.awaitReadyAndCreateTopics(broker, Platform.KAFKA_TIMEOUT);
        Restart restart = new Restart("kafka", stop, old.pid(), broker.pid(), stopping, downFor, since(t1));
        log.accept("Kafka: ready again (pid " + broker.pid() + ") after " + restart.outage().toMillis() + " ms");
        return restart;
    }

    /**
     * Stops the server, waits {@code downFor}, starts it again with the options of its last start and
     * waits until it accepts connections (after a kill, that includes crash recovery).
     */
    public Restart restartPostgres(Stop stop, Duration downFor) {
        PlatformState run = runningRecord();
        ProcessHandle old = PostgresServer.postmaster(state.postgresData())
                .orElseThrow(() -> new PlatformException("no PostgreSQL is running on " + state.postgresData()));

        long t0 = System.nanoTime();
        log.accept("PostgreSQL: " + (stop == Stop.KILL ? "SIGKILL to" : "fast shutdown of") + " the postmaster (pid " + old.pid() + ")");
        if (stop == Stop.KILL) {
            kill(old);
        } else {
            PostgresServer.stop(state.postgresData(), log);
        }
        Duration stopping = since(t0);
        pause(downFor);

        long t1 = System.nanoTime();
        ProcessHandle postmaster = PostgresServer.startAgain(state);
        record(Processes.record("postgres", postmaster));
        Secrets secrets = Secrets.load(state.secretsFile());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!PostgresServer.answers(ports.postgres(), secrets)) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("PostgreSQL restarted but refuses logins; see " + state.log("postgres"));
            }
            KafkaBroker.sleep(100);
        }
        Restart restart = new Restart("postgres", stop, old.pid(), postmaster.pid(), stopping, downFor, since(t1));
        log.accept("PostgreSQL: ready again (pid " + postmaster.pid() + ") after " + restart.outage().toMillis() + " ms");
        return restart;
    }

    /**
     * The run record, as long as a restart cannot leak a process: a live foreground launcher of
     * another JVM would, on Ctrl-C, stop only the process it started itself.
     */
    private PlatformState runningRecord() {
        PlatformState run = PlatformState.read(state.platformJson())
                .orElseThrow(() -> new PlatformException("no platform is running in " + state.dir() + " (no platform.json)"));
        boolean foregroundElsewhere = !run.detached() && run.launcher() != null
                && run.launcher().pid() != ProcessHandle.current().pid()
                && Processes.find(run.launcher()).isPresent();
        if (foregroundElsewhere) {
            throw PlatformException.conflict("the " + state.profile() + " platform runs in the foreground of launcher pid "
                    + run.launcher().pid() + "; restarts need a detached platform (up --detach) or one started by this JVM");
        }
        return run;
    }

    private static boolean ownedByThisJvm(PlatformState run) {
        return !run.detached() && run.launcher() != null && run.launcher().pid() == ProcessHandle.current().pid();
    }

    private synchronized void record(ProcessRecord process) {
        PlatformState.read(state.platformJson())
                .orElseThrow(() -> new PlatformException("platform.json vanished during a restart of " + process.name()))
                .withRestarted(process)
                .write(state.platformJson());
    }

    /**
     * SIGKILL, then waits for the process and everything it had started. PostgreSQL's backends notice
     * their postmaster's death and exit by themselves, but none may still hold the old shared memory
     * when the new postmaster starts, so stragglers get SIGKILL too.
     */
    private static void kill(ProcessHandle root) {
        List<ProcessHandle> children = root.descendants().toList();
        root.destroyForcibly();
        if (!Processes.awaitExit(root, System.nanoTime() + Duration.ofSeconds(30).toNanos())) {
            throw new PlatformException("pid " + root.pid() + " survived SIGKILL for 30 s");
        }
        long deadline = System.nanoTime() + KILLED_CHILDREN_GRACE.toNanos();
        for (ProcessHandle child : children) {
            if (!Processes.awaitExit(child, deadline)) {
                child.destroyForcibly();
                Processes.awaitExit(child, System.nanoTime() + Duration.ofSeconds(5).toNanos());
            }
        }
    }

    private static void pause(Duration downFor) {
        if (!downFor.isZero() && !downFor.isNegative()) {
            KafkaBroker.sleep(downFor.toMillis());
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
