package io.switchboard.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.platform.ServiceProcesses;

/**
 * The processes a run started, written down as soon as each exists, so that the next run stops what
 * a killed test JVM (surefire timeout, kill -9) could not: the services run in sessions of their own
 * and outlive it. Only processes whose test JVM is gone count as left over: a run still going in
 * another JVM keeps its services.
 */
final class Leftovers {

    private final Path file;

    Leftovers(Path file) {
        this.file = file;
    }

    /** Stops every recorded process of a test JVM that is gone (if it still runs: same pid and start time). */
    void stopAll() {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines()) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 5) {
                continue;
            }
            if (alive(fields[3], fields[4])) {
                kept.add(line);
                continue;
            }
            ProcessHandle.of(Long.parseLong(fields[0])).filter(h -> started(h).equals(fields[1])).ifPresent(h -> {
                System.out.println("[system] stopping " + fields[2] + " (pid " + h.pid() + ") left by an earlier run");
                ServiceProcesses.stop(h, Duration.ofSeconds(20));
            });
        }
        write(kept);
    }

    /** Forgets what this JVM recorded (its services have stopped). */
    void forgetOurs() {
        if (Files.exists(file)) {
            String ours = " " + ProcessHandle.current().pid() + " " + started(ProcessHandle.current());
            write(lines().stream().filter(line -> !line.endsWith(ours)).toList());
        }
    }

    private static boolean alive(String pid, String started) {
        return ProcessHandle.of(Long.parseLong(pid)).filter(h -> started(h).equals(started)).isPresent();
    }

    private static String started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("?");
    }

    void record(String name, ProcessHandle process) {
        ProcessHandle jvm = ProcessHandle.current();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + started(process) + " " + name + " " + jvm.pid() + " " + started(jvm) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<String> lines) {
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
