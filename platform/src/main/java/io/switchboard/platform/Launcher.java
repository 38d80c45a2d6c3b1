package io.switchboard.platform;

import io.switchboard.platform.testing.DemoUsers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code up}, {@code down}, {@code status}, {@code env}, {@code reset}. See
 * {@link LauncherArgs#USAGE} and platform/README.md.
 *
 * <pre>java -cp "$(cat platform/target/classpath.txt):platform/target/classes" io.switchboard.platform.Launcher up</pre>
 */
public final class Launcher {

    private static final String ROW = "  %-16s %-62s %s%n";

    private final Workspace workspace;
    private final PrintStream out;

    Launcher(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code, or {@code Integer.MIN_VALUE} while a foreground {@code up} keeps running. */
    static int run(String[] args) {
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("switchboard: " + e.getMessage());
            System.err.println(LauncherArgs.USAGE);
            return PlatformException.CONFLICT;
        }
        if (parsed.command().equals("help") || parsed.command().startsWith("-")) {
            System.out.println(LauncherArgs.USAGE);
            return 0;
        }
        try {
            Launcher launcher = new Launcher(Workspace.find(), System.out);
            return switch (parsed.command()) {
                case "up" -> launcher.up(parsed);
                case "down" -> launcher.down(parsed.profile());
                case "status" -> PlatformStatus.print(launcher.workspace, parsed.profile(), System.out);
                case "env" -> launcher.env(parsed.profile(), parsed.service());
                case "reset" -> launcher.reset(parsed.profile());
                default -> throw new IllegalStateException(parsed.command());
            };
        } catch (PlatformException e) {
            System.err.println("switchboard: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int up(LauncherArgs args) {
        Platform platform = new Platform(workspace, args.profile(), this::say);
        Thread stopOnExit = new Thread(() -> {
            say("Stopping the " + args.profile() + " platform ...");
            platform.stop();
            say("Stopped.");
        }, "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long t0 = System.nanoTime();
        RunningPlatform running;
        try {
            say("Starting the " + args.profile() + " platform (state: " + platform.state().dir() + ")");
            running = platform.start(new Platform.Options(args.partitions(), args.services(), args.reset(), args.detach()));
        } catch (PlatformException e) {
            removeHook(stopOnExit); // start() has already stopped whatever it started
            throw e;
        }
        printReady(running, platform, args.services(), (System.nanoTime() - t0) / 1e9);
        if (args.detach()) {
            removeHook(stopOnExit);
            out.println("Running detached. Stop it with: down --profile " + args.profile());
            return 0;
        }
        out.println("Press Ctrl-C to stop everything.");
        try {
            Thread.currentThread().join(); // until a signal runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.MIN_VALUE;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C during start): the hook is running
        }
    }

    private void printReady(RunningPlatform p, Platform platform, boolean services, double seconds) {
        Map<String, Double> times = platform.readySeconds();
        StateDir state = platform.state();
        out.println();
        out.printf("Switchboard %s platform is ready (%.1f s)%n", p.profile(), seconds);
        out.printf(ROW, "Kafka", p.kafkaBootstrapServers(), readyIn(times, "kafka"));
        out.printf(ROW, "PostgreSQL", "localhost:" + p.ports().postgres() + " (databases mention, ticket, routing, gateway)",
                readyIn(times, "postgres"));
        out.printf(ROW, "Keycloak", p.keycloakUrl() + "/admin (user " + Secrets.KEYCLOAK_ADMIN_USER + ")",
                readyIn(times, "keycloak"));
        out.printf(ROW, "Realm", p.realmUrl(), "");
        if (services) {
            for (Service service : Service.values()) {
                out.printf(ROW, service.moduleName(), "http://localhost:" + p.ports().http(service), readyIn(times, service.moduleName()));
            }
            out.printf(ROW, "Agent app", "http://localhost:" + p.ports().http(Service.GATEWAY) + "/", "");
        }
        out.println("Demo logins (password " + p.secrets().demoUserPassword() + "):");
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            out.printf("  %-6s %s%n", user.username(), user.describe());
        }
        out.println("Secrets (DB passwords, Keycloak admin, client secret): " + state.secretsFile());
        out.println("Logs: " + state.logs());
    }

    private static String readyIn(Map<String, Double> times, String part) {
        Double s = times.get(part);
        return s == null ? "" : String.format("ready in %.1f s", s);
    }

    private int down(Profile profile) {
        StateDir state = workspace.state(profile);
        boolean any = Platform.stopLeftovers(state, this::say, false);
        say(any ? "The " + profile + " platform is stopped." : "The " + profile + " platform was not running.");
        return 0;
    }

    private int env(Profile profile, Optional<Service> service) {
        StateDir state = workspace.state(profile);
        RunningPlatform platform = new RunningPlatform(profile, profile.ports(), Secrets.load(state.secretsFile()));
        List<Service> services = service.map(List::of).orElse(List.of(Service.values()));
        for (Service s : services) {
            if (services.size() > 1) {
                out.println("# " + s.moduleName());
            }
            platform.serviceEnvironment().environment(s).forEach((k, v) -> out.println(k + "=" + v));
        }
        return 0;
    }

    private int reset(Profile profile) {
        StateDir state = workspace.state(profile);
        if (Platform.isRunning(state)) {
            throw PlatformException.conflict("the " + profile + " platform is running: stop it first with `down --profile " + profile + "`");
        }
        if (Files.exists(state.dir())) {
            Platform.deleteTree(state.dir());
            say("Deleted " + state.dir());
        } else {
            say("Nothing to delete (" + state.dir() + ")");
        }
        return 0;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
