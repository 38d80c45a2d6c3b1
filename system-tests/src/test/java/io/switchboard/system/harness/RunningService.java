package io.switchboard.system.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.switchboard.platform.Service;
import io.switchboard.platform.ServiceProcesses;

/** One service of the stack: its process, where it listens, its log. */
public record RunningService(Service service, int port, Process process, Path log) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's tail if the process dies or time runs out. */
    void awaitReady(long deadlineNanos) {
        URI health = URI.create(baseUrl() + "/q/health/ready");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.moduleName() + " exited during start (exit " + process.exitValue() + ")"
                        + logTail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.moduleName(), e);
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(service.moduleName() + " was not ready (" + health + ") in time" + logTail());
            }
            pause();
        }
    }

    /** The end of the log without stack frames, so the reason (the last "Caused by") shows. */
    String logTail() {
        List<String> lines = ServiceProcesses.tail(log, 400).lines()
                .filter(line -> !line.startsWith("\tat ") && !line.matches("\\s*\\.\\.\\. \\d+ more")).toList();
        return "; the end of " + log + " (stack frames left out):\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    void stop() {
        ServiceProcesses.stop(process.toHandle(), Duration.ofSeconds(20));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
