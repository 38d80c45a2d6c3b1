package io.switchboard.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.platform.PlatformRestarts;
import io.switchboard.platform.PlatformRestarts.Restart;
import io.switchboard.platform.PlatformRestarts.Stop;
import io.switchboard.platform.Profile;
import io.switchboard.platform.Service;
import io.switchboard.platform.Workspace;
import io.switchboard.system.harness.SystemStack;

/**
 * The faults, one after the other, each timed: a service killed with SIGKILL and started again, the
 * Kafka broker killed and started again, PostgreSQL restarted (fast shutdown, then SIGKILL). A fault
 * is over when every service answers {@code /q/health/ready} again; that moment, counted from the
 * fault, is its recovery time.
 */
final class Outages {

    /**
     * One fault and how long until the whole system was ready again; {@code notReady} names the
     * services that were still not ready when the test gave up waiting (empty: all recovered).
     */
    record Recovery(String fault, Instant at, Duration partBack, Duration allReady, List<String> notReady) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SystemStack stack;
    private final PlatformRestarts platform;
    private final List<Recovery> recoveries = new ArrayList<>();

    Outages(SystemStack stack) {
        this.stack = stack;
        this.platform = PlatformRestarts.of(Workspace.find(), Profile.TEST, line -> System.out.println("[faults] " + line));
    }

    List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    Recovery killService(Service service) {
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        log("SIGKILL to " + service.moduleName());
        Duration back = stack.killAndRestart(service);
        return recovered(service.moduleName() + " killed (SIGKILL) and restarted", at, back, t0);
    }

    Recovery restartKafka() {
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        Restart restart = platform.restartKafka(Stop.KILL, Duration.ofSeconds(2));
        return recovered("Kafka broker killed (SIGKILL), down 2 s, restarted", at, restart.outage(), t0);
    }

    Recovery restartPostgres(Stop how) {
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        Restart restart = platform.restartPostgres(how, Duration.ZERO);
        return recovered("PostgreSQL " + (how == Stop.KILL ? "killed (SIGKILL)" : "fast shutdown") + " and restarted", at,
                restart.outage(), t0);
    }

    /**
     * The test platform runs PostgreSQL with {@code synchronous_commit=off} for speed. By PostgreSQL's
     * own contract a crash of the server may then lose the last fraction of a second of commits it
     * already acknowledged; production runs with the default, on. For the crash to test Switchboard
     * rather than that setting, the services' databases get the default back for new sessions (every
     * session is new after a restart) — or lose it again afterwards.
     */
    void durableCommits(boolean on) throws SQLException {
        ServiceDatabases databases = new ServiceDatabases(stack);
        for (Service service : Service.values()) {
            try (Connection c = databases.open(service); Statement st = c.createStatement()) {
                st.execute("ALTER DATABASE " + service.database() + (on ? " SET synchronous_commit = on" : " RESET synchronous_commit"));
            }
        }
    }

    private Recovery recovered(String fault, Instant at, Duration partBack, long t0) {
        List<String> notReady = awaitAllReady();
        Recovery recovery = new Recovery(fault, at, partBack, Duration.ofNanos(System.nanoTime() - t0), notReady);
        recoveries.add(recovery);
        log(String.format("%s: part back after %.1f s, %s after %.1f s", fault, partBack.toMillis() / 1000.0,
                notReady.isEmpty() ? "every service ready" : "NOT READY: " + notReady, recovery.allReady().toMillis() / 1000.0));
        return recovery;
    }

    /**
     * Waits until every service's readiness (PostgreSQL and Kafka checks included) answers 200, for
     * at most {@link #READY_TIMEOUT}; returns the services that did not get there.
     */
    List<String> awaitAllReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<String> notReady = new ArrayList<>();
        for (Service service : Service.values()) {
            URI ready = URI.create(stack.baseUrl(service) + "/q/health/ready");
            while (!answers200(ready) && System.nanoTime() < deadline) {
                sleep(250);
            }
            if (!answers200(ready)) {
                notReady.add(service.moduleName());
            }
        }
        return notReady;
    }

    private static boolean answers200(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void log(String line) {
        System.out.println("[faults] " + line);
    }
}
