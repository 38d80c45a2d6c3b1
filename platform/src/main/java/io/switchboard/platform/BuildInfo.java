package io.switchboard.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** What the platform build wrote into {@code build.properties}: versions and where the artifacts are. */
public final class BuildInfo {

    private static final BuildInfo INSTANCE = load();

    private final Properties properties;

    private BuildInfo(Properties properties) {
        this.properties = properties;
    }

    public static BuildInfo get() {
        return INSTANCE;
    }

    public String kafkaVersion() {
        return properties.getProperty("kafka.version");
    }

    /** The PostgreSQL server version of the embedded binaries (e.g. 17.11.0). */
    public String postgresBinariesVersion() {
        return properties.getProperty("postgres.binaries.version");
    }

    public String keycloakVersion() {
        return properties.getProperty("keycloak.version");
    }

    /**
     * The Kafka broker's classpath directory: the one this build wrote, else
     * {@code <repo>/platform/target/kafka-broker}.
     */
    public Path kafkaBrokerDir(Path repoRoot) {
        return firstExisting(property("kafka.broker.dir"), Optional.of(repoRoot.resolve("platform/target/kafka-broker")))
                .filter(dir -> Files.isRegularFile(dir.resolve("kafka_2.13-" + kafkaVersion() + ".jar")))
                .orElseThrow(() -> new PlatformException("the Kafka broker's jars are missing (expected "
                        + repoRoot.resolve("platform/target/kafka-broker") + "): run ./mvnw -B -pl platform -am install -DskipTests"));
    }

    /** The Keycloak distribution zip in the local Maven repository (the build resolves it there). */
    public Path keycloakDistZip() {
        String relative = "org/keycloak/keycloak-quarkus-dist/" + keycloakVersion() + "/keycloak-quarkus-dist-" + keycloakVersion() + ".zip";
        Optional<Path> defaultRepo = Optional.of(Path.of(System.getProperty("user.home"), ".m2", "repository", relative));
        Optional<Path> configuredRepo = Optional.ofNullable(System.getProperty("maven.repo.local")).map(repo -> Path.of(repo, relative));
        return firstExisting(property("keycloak.dist.zip"), configuredRepo, defaultRepo)
                .orElseThrow(() -> new PlatformException("the Keycloak distribution " + relative
                        + " is not in the local Maven repository: run ./mvnw -B -pl platform -am install -DskipTests"));
    }

    /** The platform module's directory at build time (a last resort for finding the repository). */
    public Optional<Path> platformModuleDir() {
        return property("project.basedir");
    }

    private Optional<Path> property(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value));
    }

    @SafeVarargs
    private static Optional<Path> firstExisting(Optional<Path>... candidates) {
        for (Optional<Path> candidate : candidates) {
            if (candidate.isPresent() && Files.exists(candidate.get())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the platform jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties);
    }
}
