package io.switchboard.platform;

import java.util.Optional;

/** A platform that is up: where each part listens, and the secrets to use it. */
public record RunningPlatform(Profile profile, Ports ports, Secrets secrets) {

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(ports.postgres(), database);
    }

    /** The URL form of the reactive (Vert.x) PostgreSQL client. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    /** The issuer of the realm's tokens, and the services' {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return keycloakUrl() + "/realms/" + RealmTemplate.REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public ServiceEnvironment serviceEnvironment() {
        return new ServiceEnvironment(this);
    }

    /**
     * The platform of a profile if one is running: its {@code platform.json} says ready and Kafka,
     * PostgreSQL and Keycloak answer on their ports.
     */
    public static Optional<RunningPlatform> connect(Workspace workspace, Profile profile) {
        StateDir state = workspace.state(profile);
        return PlatformState.read(state.platformJson())
                .filter(PlatformState::ready)
                .filter(s -> s.ports().equals(profile.ports()))
                .filter(s -> PortCheck.answering(profile.ports().kafka())
                        && PortCheck.answering(profile.ports().postgres())
                        && PortCheck.answering(profile.ports().keycloak()))
                .filter(s -> java.nio.file.Files.exists(state.secretsFile()))
                .map(s -> new RunningPlatform(profile, profile.ports(), Secrets.load(state.secretsFile())));
    }
}
