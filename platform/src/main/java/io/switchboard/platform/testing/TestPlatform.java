package io.switchboard.platform.testing;

import io.switchboard.platform.Platform;
import io.switchboard.platform.PlatformState;
import io.switchboard.platform.Profile;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.StateDir;
import io.switchboard.platform.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The test profile's platform for this JVM: the running one if there is one (normally started once
 * for the whole build with {@code Launcher up --profile test --detach}), else one this JVM starts
 * and stops when it exits.
 */
public final class TestPlatform {

    private static final Duration WAIT_FOR_OTHER_STARTER = Duration.ofMinutes(6);

    private static RunningPlatform running;
    private static Platform startedHere;

    private TestPlatform() {
    }

    /** Connects to (or starts) the test platform; cheap after the first call. */
    public static synchronized RunningPlatform get() {
        if (running != null) {
            return running;
        }
        Workspace workspace = Workspace.find();
        StateDir state = workspace.state(Profile.TEST);
        Path lockFile = state.dir().resolveSibling(Profile.TEST.id() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) { // one JVM at a time decides to connect or to start
                running = connectOrStart(workspace, state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running;
    }

    /** Whether this JVM started the platform (rather than connecting to a running one). */
    public static synchronized boolean startedHere() {
        return startedHere != null;
    }

    private static RunningPlatform connectOrStart(Workspace workspace, StateDir state) {
        Optional<RunningPlatform> existing = RunningPlatform.connect(workspace, Profile.TEST);
        if (existing.isEmpty() && Platform.isRunning(state) && PlatformState.read(state.platformJson()).filter(s -> !s.ready()).isPresent()) {
            log("the test platform is starting in another process; waiting for it");
            long deadline = System.nanoTime() + WAIT_FOR_OTHER_STARTER.toNanos();
            while (existing.isEmpty() && Platform.isRunning(state) && System.nanoTime() < deadline) {
                sleep();
                existing = RunningPlatform.connect(workspace, Profile.TEST);
            }
        }
        if (existing.isPresent()) {
            log("using the running test platform (" + state.dir() + ")");
            return existing.get();
        }
        log("no test platform running: starting one in this JVM (start it once for many test runs with: "
                + "java -cp \"$(cat platform/target/classpath.txt):platform/target/classes\" io.switchboard.platform.Launcher up --profile test --detach)");
        Platform platform = new Platform(workspace, Profile.TEST, TestPlatform::log);
        RunningPlatform started = platform.start(Platform.Options.defaults());
        startedHere = platform;
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "switchboard-test-platform-stop"));
        StringBuilder times = new StringBuilder();
        platform.readySeconds().forEach((part, seconds) -> times.append(String.format(" %s %.1f s", part, seconds)));
        log("test platform ready:" + times);
        return started;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void log(String line) {
        System.out.println("[switchboard-platform] " + line);
    }
}
