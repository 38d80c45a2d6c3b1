package io.switchboard.platform;

/** The TCP ports one profile of the platform listens on (all on localhost). */
public record Ports(int kafka, int kafkaController, int postgres, int keycloak, int keycloakManagement) {
}
