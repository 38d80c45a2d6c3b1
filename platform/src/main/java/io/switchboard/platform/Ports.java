package io.switchboard.platform;

/**
 * The TCP ports one profile of the platform listens on (all on localhost). {@code serviceShift} moves
 * the four services' HTTP ports ({@link Service#httpPort()}, the development ports 8080-8083) so the
 * test profile's services (and the gateway's browser tests) never collide with a development stack.
 */
public record Ports(int kafka, int kafkaController, int postgres, int keycloak, int keycloakManagement, int serviceShift) {

    /** Where a service listens when it runs against this platform. */
    public int http(Service service) {
        return service.httpPort() + serviceShift;
    }
}
