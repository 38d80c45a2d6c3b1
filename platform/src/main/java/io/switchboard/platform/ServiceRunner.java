package io.switchboard.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the four services from their packaged jars against the platform (dev profile). */
final class ServiceRunner {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Workspace workspace;
    private final StateDir state;
    private final RunningPlatform platform;

    ServiceRunner(Workspace workspace, StateDir state, RunningPlatform platform) {
        this.workspace = workspace;
        this.state = state;
        this.platform = platform;
    }

    static Path jar(Workspace workspace, Service service) {
        return workspace.moduleDir(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Fails, naming the build command, unless every service has been packaged. */
    static void requireBuilt(Workspace workspace) {
        List<Service> missing = Stream.of(Service.values()).filter(s -> !Files.isRegularFile(jar(workspace, s))).toList();
        if (!missing.isEmpty()) {
            throw new PlatformException("not built: " + missing.stream().map(s -> jar(workspace, s).toString()).collect(Collectors.joining(", "))
                    + "\n  build them with: ./mvnw -B install -DskipTests"
                    + (missing.size() == 1 ? "   (or only that one: ./mvnw -B -pl " + missing.get(0).moduleName() + " -am install -DskipTests)" : ""));
        }
    }

    /**
     * How a service JVM runs beside three others, Kafka, PostgreSQL and Keycloak on one small machine:
     * a 256 MiB heap, and the serial collector, which the JVM picks by itself only below 2 cores or
     * 1.8 GB (as in a Kubernetes pod of the chart's size) but not on a 2-core laptop. For heaps this
     * small its pauses are a few milliseconds, and unlike G1 it has no concurrent threads competing
     * for the cores and no remembered sets: less CPU and less memory outside the heap per service.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

    /**
     * ticket-service holds a poll of up to 500 mentions and Hibernate's session for them; the others
     * keep little (their live heap after a collection stays under 60 MiB under load), so a smaller
     * ceiling keeps the four under 1.5 GB together without costing them collections that matter.
     */
    static String heap(Service service) {
        return service == Service.TICKET ? "-Xmx256m" : "-Xmx160m";
    }

    /**
     * Process environment of a service JVM besides its configuration: glibc's malloc keeps an arena
     * per thread (up to 8 per core), whose fragmentation shows as resident memory outside the heap
     * under load; two arenas are plenty for the few native allocations a JVM service makes.
     */
    static final Map<String, String> JVM_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** {@code java <JVM_OPTIONS> -jar <module>/target/quarkus-app/quarkus-run.jar}, run in the module directory. */
    static List<String> command(Workspace workspace, Service service) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap(service));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar(workspace, service).toString());
        return command;
    }

    Process start(Service service) {
        Map<String, String> environment = new LinkedHashMap<>(platform.serviceEnvironment().environment(service));
        if (service == Service.MENTION) {
            // The local stack is a demo: recorded conversations flow in so the agent app has work at once.
            environment.put("SWITCHBOARD_REPLAY_ENABLED", "true");
        }
        return ServiceProcesses.start(workspace, service, environment, state.log(service.moduleName()));
    }

    /** Ready = {@code /q/health/ready} answers 200. */
    void awaitReady(Service service, Process process, Duration timeout) {
        URI health = URI.create("http://localhost:" + platform.ports().http(service) + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new PlatformException(service.moduleName() + " exited during start (exit " + process.exitValue() + "); see "
                        + state.log(service.moduleName()) + "\n" + Processes.tail(state.log(service.moduleName()), 15));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("interrupted");
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException(service.moduleName() + " was not ready (" + health + ") in " + timeout.toSeconds()
                        + " s; see " + state.log(service.moduleName()));
            }
            KafkaBroker.sleep(500);
        }
    }
}
