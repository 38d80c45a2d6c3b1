package io.switchboard.platform;

import io.switchboard.platform.PlatformState.ProcessRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts one profile of the platform (PostgreSQL, Kafka and Keycloak in parallel, then optionally the
 * services), records every process in {@code platform.json} as soon as it exists, and stops them all
 * in reverse order: services, Keycloak, Kafka, PostgreSQL.
 */
public final class Platform {

    /** How to start. */
    public record Options(int partitions, boolean services, boolean reset, boolean detached) {
        public static final int DEFAULT_PARTITIONS = 12;

        public static Options defaults() {
            return new Options(DEFAULT_PARTITIONS, false, false, false);
        }
    }

    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(120);
    static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(300);
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);

    /** A started part and how to stop it; lower ranks stop first. */
    private record Started(String name, int rank, Runnable stop) {
    }

    private final Workspace workspace;
    private final Profile profile;
    private final StateDir state;
    private final Consumer<String> log;
    private final List<Started> started = new ArrayList<>();
    private final Map<String, Double> readySeconds = new LinkedHashMap<>();
    private PlatformState record;
    private boolean stopping;
    private boolean owner;

    public Platform(Workspace workspace, Profile profile, Consumer<String> log) {
        this.workspace = workspace;
        this.profile = profile;
        this.state = workspace.state(profile);
        this.log = log;
    }

    public StateDir state() {
        return state;
    }

    /** Seconds from start to ready of each part, in the order they became ready. */
    public synchronized Map<String, Double> readySeconds() {
        return new LinkedHashMap<>(readySeconds);
    }

    /** Starts everything and waits until it is really ready; on any failure stops what it started and throws. */
    public RunningPlatform start(Options options) {
        if (options.services() && profile != Profile.DEV) {
            throw PlatformException.conflict("--services runs the services on the dev profile only");
        }
        if (options.partitions() < 1) {
            throw PlatformException.conflict("--partitions must be at least 1");
        }
        try {
            return doStart(options);
        } catch (RuntimeException e) {
            stop();
            if (owner) {
                // e.g. a postmaster whose start timed out before it could be recorded
                stopLeftovers(state, log, false);
            }
            throw e;
        }
    }

    private RunningPlatform doStart(Options options) {
        stopLeftovers(state, log, true);
        if (options.reset()) {
            log.accept("Deleting " + state.dir() + " (--reset)");
            deleteTree(state.dir());
        }
        checkPorts(options.services());
        if (options.services()) {
            ServiceRunner.requireBuilt(workspace);
        }
        Secrets secrets = Secrets.loadOrCreate(state.secretsFile());
        if (secrets.created()) {
            forgetDataOfOldSecrets();
        }
        synchronized (this) {
            record = PlatformState.starting(profile, options.detached());
            record.write(state.platformJson());
            owner = true;
        }
        RunningPlatform platform = new RunningPlatform(profile, profile.ports(), secrets);

        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "switchboard-start");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Void> postgres = timed(pool, "postgres", () -> startPostgres(secrets));
            CompletableFuture<Void> kafka = timed(pool, "kafka", () -> startKafka(options.partitions()));
            CompletableFuture<Void> keycloak = timed(pool, "keycloak", () -> startKeycloak(secrets));
            join(postgres, kafka, keycloak);
        } finally {
            pool.shutdownNow();
        }
        if (options.services()) {
            startServices(platform);
        }
        synchronized (this) {
            record = record.markReady();
            record.write(state.platformJson());
        }
        return platform;
    }

    private CompletableFuture<Void> timed(ExecutorService pool, String part, Runnable start) {
        return CompletableFuture.runAsync(() -> {
            long t0 = System.nanoTime();
            start.run();
            ready(part, (System.nanoTime() - t0) / 1e9);
        }, pool);
    }

    private synchronized void ready(String part, double seconds) {
        readySeconds.put(part, seconds);
        record = record.withReady(part, seconds);
        record.write(state.platformJson());
    }

    private static void join(CompletableFuture<?>... futures) {
        RuntimeException first = null;
        for (CompletableFuture<?> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new PlatformException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void startPostgres(Secrets secrets) {
        PostgresServer postgres = new PostgresServer(state, profile.ports().postgres(), secrets, log);
        ProcessHandle postmaster = register("postgres", 3, postgres::stop, postgres::start);
        postgres.setUp();
        watch("postgres", postmaster);
    }

    private void startKafka(int partitions) {
        KafkaBroker kafka = new KafkaBroker(workspace, state, profile.ports(), partitions, log);
        Process[] broker = new Process[1];
        register("kafka", 2, () -> Processes.terminate(broker[0].toHandle(), Duration.ofSeconds(60)),
                () -> (broker[0] = kafka.start()).toHandle());
        kafka.awaitReadyAndCreateTopics(broker[0], KAFKA_TIMEOUT);
        watch("kafka", broker[0].toHandle());
    }

    private void startKeycloak(Secrets secrets) {
        // The test profile's gateway port is also the gateway tests' quarkus.http.test-port (PlatformTestResource).
        String gatewayUrl = "http://localhost:" + profile.ports().http(Service.GATEWAY);
        KeycloakServer keycloak = new KeycloakServer(state, profile.ports(), secrets, gatewayUrl, log);
        Process[] kc = new Process[1];
        register("keycloak", 1, () -> Processes.terminate(kc[0].toHandle(), Duration.ofSeconds(30)),
                () -> (kc[0] = keycloak.start()).toHandle());
        keycloak.awaitReady(kc[0], KEYCLOAK_TIMEOUT);
        synchronized (this) {
            for (ProcessHandle jvm : kc[0].toHandle().descendants().toList()) {
                record = record.withProcess(Processes.record("keycloak-jvm", jvm));
            }
            record.write(state.platformJson());
        }
        watch("keycloak", kc[0].toHandle());
    }

    private void startServices(RunningPlatform platform) {
        ServiceRunner runner = new ServiceRunner(workspace, state, platform);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Service.values().length, r -> {
            Thread t = new Thread(r, "switchboard-services");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Service service : Service.values()) {
                all.add(timed(pool, service.moduleName(), () -> {
                    Process[] p = new Process[1];
                    register(service.moduleName(), 0, () -> Processes.terminate(p[0].toHandle(), Duration.ofSeconds(20)),
                            () -> (p[0] = runner.start(service)).toHandle());
                    runner.awaitReady(service, p[0], SERVICE_TIMEOUT);
                    watch(service.moduleName(), p[0].toHandle());
                }));
            }
            join(all.toArray(CompletableFuture[]::new));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts a part and records it (platform.json) at once; if a stop began meanwhile (Ctrl-C during
     * start), the part is stopped right away instead.
     */
    private ProcessHandle register(String name, int rank, Runnable stop, Supplier<ProcessHandle> start) {
        synchronized (this) {
            if (stopping) {
                throw new PlatformException("stopping");
            }
        }
        ProcessHandle handle = start.get();
        boolean stopNow;
        synchronized (this) {
            stopNow = stopping;
            if (!stopNow) {
                started.add(new Started(name, rank, stop));
                record = record.withProcess(Processes.record(name, handle));
                record.write(state.platformJson());
            }
        }
        if (stopNow) {
            stop.run();
            throw new PlatformException("stopping");
        }
        return handle;
    }

    /** Says so when a part dies while the platform runs (its log has the reason). */
    private void watch(String name, ProcessHandle handle) {
        handle.onExit().thenRun(() -> {
            synchronized (this) {
                if (stopping) {
                    return;
                }
            }
            log.accept("WARNING: " + name + " exited unexpectedly; see " + state.log(name));
        });
    }

    /** Stops everything this object started, in reverse order, and removes its run record. Idempotent. */
    public void stop() {
        List<Started> parts;
        synchronized (this) {
            stopping = true;
            parts = new ArrayList<>(started);
            started.clear();
        }
        parts.sort(Comparator.comparingInt(Started::rank));
        for (Started part : parts) {
            try {
                part.stop().run();
            } catch (RuntimeException e) {
                log.accept("could not stop " + part.name() + ": " + e.getMessage());
            }
        }
        synchronized (this) {
            if (record != null) {
                PlatformState.read(state.platformJson())
                        .filter(s -> s.launcher() != null && s.launcher().pid() == ProcessHandle.current().pid())
                        .ifPresent(s -> deleteQuietly(state.platformJson()));
            }
        }
    }

    private void checkPorts(boolean services) {
        Ports ports = profile.ports();
        PortCheck.requireFree("Kafka", ports.kafka());
        PortCheck.requireFree("Kafka controller", ports.kafkaController());
        PortCheck.requireFree("PostgreSQL", ports.postgres());
        PortCheck.requireFree("Keycloak", ports.keycloak());
        PortCheck.requireFree("Keycloak management", ports.keycloakManagement());
        if (services) {
            for (Service service : Service.values()) {
                PortCheck.requireFree(service.moduleName(), ports.http(service));
            }
        }
    }

    /** New secrets: data made with older ones (database passwords, the imported realm) is useless. */
    private void forgetDataOfOldSecrets() {
        boolean hadData = Files.exists(state.postgresData()) || Files.exists(state.keycloakDir());
        if (hadData) {
            log.accept("New secrets.env: deleting the PostgreSQL data and Keycloak's database made with the old secrets");
            deleteTree(state.postgresData());
            try (var homes = Files.list(state.keycloakDir())) {
                homes.forEach(home -> deleteTree(home.resolve("data/h2")));
            } catch (IOException e) {
                // no Keycloak yet
            }
        }
    }

    /**
     * Stops whatever a previous run of this profile left running (its launcher was killed, or it runs
     * detached), including a postmaster recorded nowhere but in its postmaster.pid.
     *
     * @param refuseIfOwned fail instead if a live foreground launcher still owns the profile
     * @return whether anything was running
     */
    public static boolean stopLeftovers(StateDir state, Consumer<String> log, boolean refuseIfOwned) {
        boolean any = false;
        Optional<PlatformState> previous = PlatformState.read(state.platformJson());
        if (previous.isPresent()) {
            PlatformState s = previous.get();
            Optional<ProcessHandle> owner = Optional.ofNullable(s.launcher())
                    .filter(l -> l.pid() != ProcessHandle.current().pid())
                    .flatMap(Processes::find)
                    .filter(h -> !s.detached());
            if (owner.isPresent()) {
                if (refuseIfOwned) {
                    throw PlatformException.conflict("the " + state.profile() + " platform is already running (launcher pid "
                            + owner.get().pid() + "); stop it with Ctrl-C there or `down --profile " + state.profile() + "`");
                }
                log.accept("Asking the launcher (pid " + owner.get().pid() + ") to stop the " + state.profile() + " platform");
                owner.get().destroy();
                Processes.awaitExit(owner.get(), System.nanoTime() + Duration.ofSeconds(150).toNanos());
                any = true;
            }
            List<ProcessRecord> processes = new ArrayList<>(s.processes());
            processes.sort(Comparator.comparingInt(p -> rank(p.name())));
            for (ProcessRecord p : processes) {
                Optional<ProcessHandle> live = Processes.find(p);
                if (live.isEmpty()) {
                    continue;
                }
                any = true;
                log.accept("Stopping " + p.name() + " (pid " + p.pid() + ")");
                if (p.name().equals("postgres")) {
                    PostgresServer.stop(state.postgresData(), log);
                } else {
                    Processes.terminate(live.get(), Duration.ofSeconds(p.name().equals("kafka") ? 60 : 30));
                }
            }
        }
        if (PostgresServer.postmaster(state.postgresData()).isPresent()) {
            log.accept("Stopping PostgreSQL (postmaster.pid in " + state.postgresData() + ")");
            PostgresServer.stop(state.postgresData(), log);
            any = true;
        }
        deleteQuietly(state.platformJson());
        return any;
    }

    /** Whether any process of a profile's last run (or its postmaster) is alive. */
    public static boolean isRunning(StateDir state) {
        boolean recorded = PlatformState.read(state.platformJson())
                .map(s -> s.processes().stream().anyMatch(p -> Processes.find(p).isPresent())
                        || (!s.detached() && s.launcher() != null && Processes.find(s.launcher()).isPresent()))
                .orElse(false);
        return recorded || PostgresServer.postmaster(state.postgresData()).isPresent();
    }

    private static int rank(String name) {
        if (name.startsWith("keycloak")) {
            return 1;
        }
        return switch (name) {
            case "kafka" -> 2;
            case "postgres" -> 3;
            case "launcher" -> -1;
            default -> 0; // a service
        };
    }

    static void deleteTree(Path dir) {
        try {
            KeycloakServer.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort
        }
    }
}
