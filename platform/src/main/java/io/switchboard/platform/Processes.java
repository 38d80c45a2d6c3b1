package io.switchboard.platform;

import io.switchboard.platform.PlatformState.ProcessRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starting, finding and stopping the child processes of the platform (Linux). */
final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Starts a process in its own session (so a Ctrl-C in the launcher's terminal reaches only the
     * launcher, which then stops everything in order), output appended to {@code log}.
     */
    static Process start(List<String> command, Map<String, String> extraEnv, Path workDir, Path log) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(extraEnv);
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new PlatformException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion (output to {@code log}); fails with the log's tail if it fails. */
    static void run(String what, List<String> command, Map<String, String> extraEnv, Path workDir, Path log, Duration timeout) {
        Process process = start(command, extraEnv, workDir, log);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                terminate(process.toHandle(), Duration.ofSeconds(5));
                throw new PlatformException(what + " did not finish in " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(process.toHandle(), Duration.ofSeconds(5));
            throw new PlatformException(what + " interrupted");
        }
        if (process.exitValue() != 0) {
            throw new PlatformException(what + " failed (exit " + process.exitValue() + "); see " + log + "\n" + tail(log, 15));
        }
    }

    static ProcessRecord record(String name, ProcessHandle handle) {
        return new ProcessRecord(name, handle.pid(), handle.info().startInstant().orElse(null));
    }

    /** The live process a record refers to, unless it has exited or its pid now belongs to another process. */
    static Optional<ProcessHandle> find(ProcessRecord record) {
        return ProcessHandle.of(record.pid())
                .filter(ProcessHandle::isAlive)
                .filter(h -> sameStart(record.started(), h.info().startInstant().orElse(null)));
    }

    private static boolean sameStart(Instant recorded, Instant actual) {
        if (recorded == null || actual == null) {
            return true;
        }
        return Duration.between(recorded, actual).abs().compareTo(Duration.ofSeconds(2)) <= 0;
    }

    /**
     * Stops a process and everything it started: SIGTERM (graceful) to the process, then to any
     * descendants left, and SIGKILL to whatever is still alive after {@code grace}.
     */
    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        if (!root.isAlive() && tree.size() == 1) {
            return;
        }
        root.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        awaitExit(root, deadline);
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroy();
            }
        }
        for (ProcessHandle h : tree) {
            awaitExit(h, deadline);
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
                awaitExit(h, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    /** Sends a signal by name (e.g. INT) with kill(1); Java itself can only send TERM and KILL. */
    static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean awaitExit(ProcessHandle handle, long deadlineNanos) {
        try {
            long wait = deadlineNanos - System.nanoTime();
            if (wait > 0) {
                handle.onExit().get(wait, TimeUnit.NANOSECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            // still alive
        } catch (java.util.concurrent.ExecutionException e) {
            // cannot happen for onExit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !handle.isAlive();
    }

    /**
     * Memory of a process and its descendants in KiB: proportional set size (shared pages split
     * between the processes sharing them, so PostgreSQL's shared buffers count once), else RSS.
     */
    static long memoryKiB(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        long total = 0;
        for (ProcessHandle h : tree) {
            total += procField(h.pid(), "smaps_rollup", "Pss:").or(() -> procField(h.pid(), "status", "VmRSS:")).orElse(0L);
        }
        return total;
    }

    private static Optional<Long> procField(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(field)) {
                    return Optional.of(Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return Optional.empty();
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
