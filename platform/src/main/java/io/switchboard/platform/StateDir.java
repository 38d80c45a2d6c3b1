package io.switchboard.platform;

import java.nio.file.Path;

/** Where one profile keeps everything: data of each server, logs, secrets and the run record. */
public record StateDir(Path dir, Profile profile) {

    public Path kafkaDir() {
        return dir.resolve("kafka");
    }

    public Path postgresDir() {
        return dir.resolve("postgres");
    }

    public Path postgresData() {
        return postgresDir().resolve("data");
    }

    public Path keycloakDir() {
        return dir.resolve("keycloak");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path secretsFile() {
        return dir.resolve("secrets.env");
    }

    public Path platformJson() {
        return dir.resolve("platform.json");
    }
}
