package io.switchboard.platform.testing;

import java.util.List;

/**
 * The demo users of the {@code switchboard} realm (keycloak/switchboard-realm.json). They all share
 * one generated password ({@code DEMO_USER_PASSWORD} in secrets.env); get a token with
 * {@link KeycloakTokens#accessToken(String)}.
 */
public final class DemoUsers {

    public static final String ROLE_AGENT = "agent";
    public static final String ROLE_SUPERVISOR = "supervisor";
    public static final String ROLE_ADMIN = "admin";

    /** Teams are Keycloak groups under {@code /teams}; tokens carry them (short names) in the {@code groups} claim. */
    public static final String TEAM_CUSTOMER_CARE = "customer-care";
    public static final String TEAM_TECH_SUPPORT = "tech-support";

    public static final String AVA = "ava";
    public static final String MATEO = "mateo";
    public static final String SAM = "sam";
    public static final String ADA = "ada";

    /**
     * A demo user as the realm defines it; {@code languages} is also a token claim. The realm pins the
     * {@code subject} (the tokens' {@code sub}, Keycloak's user id) so that configuration can name an
     * agent by the identity every service sees, the same on every machine.
     */
    public record DemoUser(String subject, String username, String firstName, String lastName, List<String> roles, List<String> teams,
                           List<String> languages) {

        public String email() {
            return username + "@switchboard.example";
        }

        public String describe() {
            return String.join(" + ", roles) + (teams.isEmpty() ? "" : ", teams " + String.join(" + ", teams))
                    + ", languages " + String.join(",", languages);
        }
    }

    public static final DemoUser AVA_USER = new DemoUser("00000000-0000-4000-8000-00000000a7a0", AVA, "Ava", "Lindqvist",
            List.of(ROLE_AGENT), List.of(TEAM_CUSTOMER_CARE), List.of("en"));
    public static final DemoUser MATEO_USER = new DemoUser("00000000-0000-4000-8000-0000000a7e00", MATEO, "Mateo", "García",
            List.of(ROLE_AGENT), List.of(TEAM_TECH_SUPPORT), List.of("es", "en"));
    public static final DemoUser SAM_USER = new DemoUser("00000000-0000-4000-8000-000000005a00", SAM, "Sam", "Okafor",
            List.of(ROLE_SUPERVISOR, ROLE_AGENT), List.of(TEAM_CUSTOMER_CARE, TEAM_TECH_SUPPORT), List.of("en"));
    public static final DemoUser ADA_USER = new DemoUser("00000000-0000-4000-8000-00000000ada0", ADA, "Ada", "Byron",
            List.of(ROLE_ADMIN), List.of(), List.of("en"));

    public static final List<DemoUser> ALL = List.of(AVA_USER, MATEO_USER, SAM_USER, ADA_USER);

    private DemoUsers() {
    }

    public static DemoUser byUsername(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user '" + username + "'"));
    }
}
