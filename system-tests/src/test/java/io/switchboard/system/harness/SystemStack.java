package io.switchboard.system.harness;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.switchboard.fakes.FakeXServer;
import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;
import io.switchboard.platform.ServiceEnvironment;
import io.switchboard.platform.ServiceProcesses;
import io.switchboard.platform.Workspace;
import io.switchboard.platform.testing.PrivateSchemas;
import io.switchboard.platform.testing.TestPlatform;

/**
 * The whole system for the end-to-end tests: the fake X, then the four real services as processes
 * from their packaged jars, against the test platform. Each service gets its
 * {@link ServiceEnvironment} properties and what the flows add ({@link FlowConfiguration}); it is
 * ready when {@code /q/health/ready} answers 200. {@link #close()} stops them all.
 */
public final class SystemStack implements AutoCloseable {

    /** Our X account, as mention-service is configured and the customers address it. */
    public static final String BRAND_HANDLE = "acme_help";
    /** The generic signed webhook source of these tests: {@code POST /api/v1/channels/webhook/e2e}. */
    public static final String WEBHOOK_SOURCE = "e2e";

    private final RunningPlatform platform;
    private final StackSettings settings;
    private final FakeXServer fakeX;
    private final String webhookSecret;
    private final Leftovers leftovers;
    private final Map<Service, RunningService> services = new EnumMap<>(Service.class);
    private final Workspace workspace = Workspace.find();
    private final Map<Service, Duration> readyAfter = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    /**
     * A schema of this run's own in mention-, ticket- and routing-service's databases: the system
     * starts as a fresh installation (seeded queues and demo agents only), not with earlier runs' open
     * tickets or the agents and queues routing-service's tests create.
     */
    private PrivateSchemas schemas;
    private Duration startedIn;

    private SystemStack(RunningPlatform platform, StackSettings settings) {
        this.platform = platform;
        this.settings = settings;
        this.fakeX = (FakeXServer) new FakeXServer().liveStream(Duration.ofSeconds(5)).start();
        this.webhookSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        this.leftovers = new Leftovers(settings.logs().resolve("processes.txt"));
    }

    /** Starts everything, or stops what it started and fails with the reason (a service's log tail). */
    public static SystemStack start(StackSettings settings) {
        SystemStack stack = new SystemStack(TestPlatform.get(), settings);
        try {
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices() {
        long began = System.nanoTime();
        ServiceProcesses.requireBuilt(workspace);
        leftovers.stopAll();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, platform.ports().http(service) + settings.portShift());
            try {
                ServiceProcesses.requireFreePort(service, ports.get(service));
            } catch (RuntimeException taken) {
                throw new IllegalStateException(taken.getMessage() + " (shift the stack's ports: -D" + StackSettings.PORT_SHIFT + "=1000)");
            }
        }
        FlowConfiguration flows = new FlowConfiguration(ports, fakeX.baseUrl(), webhookSecret);
        String run = Long.toString(System.currentTimeMillis(), 36);
        schemas = new PrivateSchemas(platform, "system_" + run, List.of(Service.MENTION, Service.TICKET, Service.ROUTING))
                .create();
        ServiceEnvironment environment = platform.serviceEnvironment();
        for (Service service : Service.values()) {
            Map<String, String> groups = new LinkedHashMap<>();
            if (service != Service.GATEWAY) { // the gateway reads every topic with a group per instance by design
                Map<String, String> topics = PackagedApp.incomingTopics(ServiceProcesses.jar(workspace, service));
                topics.forEach((channel, topic) -> groups.put(channel, service.moduleName() + "-system-" + run + "-" + channel));
                topics.forEach((channel, topic) -> ConsumerGroups.startAtEnd(platform.kafkaBootstrapServers(), groups.get(channel),
                        List.of(topic)));
            }
            Map<String, String> properties = new LinkedHashMap<>(environment.properties(service));
            properties.putAll(flows.overrides(service, groups));
            properties.putAll(schemas.overrides(service));
            var log = settings.logs().resolve(service.moduleName() + ".log");
            environments.put(service, ServiceEnvironment.toEnvironment(properties));
            Process process = ServiceProcesses.start(workspace, service, environments.get(service), log);
            leftovers.record(service.moduleName(), process.toHandle());
            services.put(service, new RunningService(service, ports.get(service), process, log));
        }
        long deadline = began + settings.startTimeout().toNanos();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (RunningService service : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> {
                service.awaitReady(deadline);
                readyAfter.put(service.service(), Duration.ofNanos(System.nanoTime() - began));
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        startedIn = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("[system] four services ready in %.1f s (%s), logs in %s%n", startedIn.toMillis() / 1000.0,
                readyTimes(), settings.logs());
    }

    private String readyTimes() {
        StringBuilder s = new StringBuilder();
        readyAfter.forEach((service, after) -> s.append(s.isEmpty() ? "" : ", ").append(service.moduleName()).append(' ')
                .append(String.format("%.1f s", after.toMillis() / 1000.0)).append(" on ").append(services.get(service).port()));
        return s.toString();
    }

    public String baseUrl(Service service) {
        return services.get(service).baseUrl();
    }

    public FakeXServer fakeX() {
        return fakeX;
    }

    public RunningPlatform platform() {
        return platform;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** A JDBC URL for reading a service's own store directly, in this run's schema (see {@link PrivateSchemas}). */
    public String jdbcUrl(Service service) {
        return schemas.jdbcUrl(service);
    }

    public Duration startedIn() {
        return startedIn;
    }

    /**
     * For the fault tests: SIGKILL to one service (no shutdown hook runs, work in flight is lost), then
     * the same service started again exactly as before (port, configuration, consumer groups, log).
     * Returns the time from the kill until it answered ready again.
     */
    public synchronized Duration killAndRestart(Service service) {
        RunningService old = services.get(service);
        long began = System.nanoTime();
        old.process().toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        old.process().destroyForcibly();
        try {
            old.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + service.moduleName(), e);
        }
        Process process = ServiceProcesses.start(Workspace.find(), service, environments.get(service), old.log());
        leftovers.record(service.moduleName(), process.toHandle());
        RunningService restarted = new RunningService(service, old.port(), process, old.log());
        services.put(service, restarted);
        restarted.awaitReady(System.nanoTime() + settings.startTimeout().toNanos());
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Stops every service (graceful, then killed after 20 s), drops the run's schemas, stops the fake X. Idempotent. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        services.values().forEach(s -> stopping.add(CompletableFuture.runAsync(s::stop)));
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        services.clear();
        leftovers.forgetOurs();
        if (schemas != null) {
            schemas.close();
        }
        fakeX.stop();
    }
}
