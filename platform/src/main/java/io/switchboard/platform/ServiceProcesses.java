package io.switchboard.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service run from its packaged jar as a child process, for harnesses outside the launcher
 * (the whole-system tests): the launcher's command ({@link ServiceRunner#command}, in the module
 * directory), its own session, output
 * appended to a log, and a stop that takes the whole process tree down. The caller chooses the
 * environment (normally {@link ServiceEnvironment#environment(Service)} and its own overrides) and
 * where the log goes.
 */
public final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /** {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public static Path jar(Workspace workspace, Service service) {
        return ServiceRunner.jar(workspace, service);
    }

    /** Fails, naming the build command, unless every service has been packaged. */
    public static void requireBuilt(Workspace workspace) {
        ServiceRunner.requireBuilt(workspace);
    }

    /** Fails with a message naming the service unless nothing listens on {@code port}. */
    public static void requireFreePort(Service service, int port) {
        PortCheck.requireFree(service.moduleName(), port);
    }

    /** Starts a service's JVM ({@link ServiceRunner#command}) with its environment over the JVM's own. */
    public static Process start(Workspace workspace, Service service, Map<String, String> environment, Path log) {
        Map<String, String> withJvm = new LinkedHashMap<>(ServiceRunner.JVM_ENVIRONMENT);
        withJvm.putAll(environment);
        return Processes.start(ServiceRunner.command(workspace, service), withJvm, workspace.moduleDir(service), log);
    }

    /** SIGTERM (graceful shutdown) to the process and its descendants, SIGKILL after {@code grace}. */
    public static void stop(ProcessHandle process, Duration grace) {
        Processes.terminate(process, grace);
    }

    /** The last lines of a log, for error messages. */
    public static String tail(Path log, int lines) {
        return Processes.tail(log, lines);
    }
}
