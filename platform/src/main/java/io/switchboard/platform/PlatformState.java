package io.switchboard.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of one run, {@code platform.json} in the state dir: ports, the pid of every process the
 * run started (so {@code down} or the next {@code up} can stop them), whether it is ready.
 */
public record PlatformState(
        String profile,
        ProcessRecord launcher,
        boolean detached,
        Instant startedAt,
        boolean ready,
        Ports ports,
        List<ProcessRecord> processes,
        Map<String, Double> readySeconds) {

    /** One started process; {@code started} guards against a recycled pid. */
    public record ProcessRecord(String name, long pid, Instant started) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public PlatformState {
        processes = List.copyOf(processes);
        readySeconds = Map.copyOf(readySeconds);
    }

    public static PlatformState starting(Profile profile, boolean detached) {
        return new PlatformState(profile.id(), Processes.record("launcher", ProcessHandle.current()), detached, Instant.now(), false,
                profile.ports(), List.of(), Map.of());
    }

    public PlatformState withProcess(ProcessRecord process) {
        List<ProcessRecord> all = new ArrayList<>(processes);
        all.removeIf(p -> p.pid() == process.pid());
        all.add(process);
        return new PlatformState(profile, launcher, detached, startedAt, ready, ports, all, readySeconds);
    }

    /** The record with the process of that name replaced: a part was restarted and has a new pid. */
    public PlatformState withRestarted(ProcessRecord process) {
        List<ProcessRecord> all = new ArrayList<>(processes);
        all.removeIf(p -> p.name().equals(process.name()));
        all.add(process);
        return new PlatformState(profile, launcher, detached, startedAt, ready, ports, all, readySeconds);
    }

    public PlatformState withReady(String part, double seconds) {
        Map<String, Double> times = new LinkedHashMap<>(readySeconds);
        times.put(part, Math.round(seconds * 10) / 10.0);
        return new PlatformState(profile, launcher, detached, startedAt, ready, ports, processes, times);
    }

    public PlatformState markReady() {
        return new PlatformState(profile, launcher, detached, startedAt, true, ports, processes, readySeconds);
    }

    public Optional<ProcessRecord> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<PlatformState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
        } catch (IOException e) {
            return Optional.empty(); // half-written or from an incompatible version: treat as absent
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
