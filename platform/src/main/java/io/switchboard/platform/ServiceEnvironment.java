package io.switchboard.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one source of truth for what a service needs to run against a platform: its Quarkus
 * configuration properties. The launcher passes them as environment variables
 * ({@link #environment(Service)}), the test harness as configuration properties
 * ({@link #testProperties(Service)}).
 */
public final class ServiceEnvironment {

    private final RunningPlatform platform;

    public ServiceEnvironment(RunningPlatform platform) {
        this.platform = platform;
    }

    /** Every property the launcher sets for a service, {@code quarkus.http.port} included. */
    public Map<String, String> properties(Service service) {
        Map<String, String> p = new LinkedHashMap<>(testProperties(service));
        p.put("quarkus.http.port", Integer.toString(platform.ports().http(service)));
        return p;
    }

    /** The properties for a test of the service (the test framework picks the HTTP port). */
    public Map<String, String> testProperties(Service service) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.username", service.databaseRole());
        p.put("quarkus.datasource.password", platform.secrets().dbPassword(service));
        p.put("quarkus.datasource.reactive.url", platform.reactiveUrl(service.database()));
        p.put("quarkus.datasource.jdbc.url", platform.jdbcUrl(service.database()));
        p.put("kafka.bootstrap.servers", platform.kafkaBootstrapServers());
        p.put("quarkus.oidc.auth-server-url", platform.realmUrl());
        p.put("quarkus.oidc.client-id", service.clientId());
        // The realm's tokens carry both realm_access.roles and a `groups` claim (the user's teams). Without
        // this, Quarkus takes `groups` as the roles whenever that claim is present, and teams become roles.
        p.put("quarkus.oidc.roles.role-claim-path", "realm_access/roles");
        if (service == Service.GATEWAY) {
            p.put("quarkus.oidc.credentials.secret", platform.secrets().gatewayClientSecret());
        }
        if (service == Service.MENTION) {
            // The signed webhook source that the benchmark and local scripts post to.
            platform.secrets().find(Secrets.WEBHOOK_DEMO_SECRET)
                    .ifPresent(secret -> p.put("switchboard.webhook.sources.demo.secret", secret));
            // Kept with the state dir's other secrets, so it lives exactly as long as the database it keys.
            platform.secrets().find(Secrets.PRIVACY_IDENTITY_KEY)
                    .ifPresent(key -> p.put("switchboard.privacy.identity-key", key));
        }
        return p;
    }

    /** The same as {@link #properties(Service)} in environment-variable form. */
    public Map<String, String> environment(Service service) {
        return toEnvironment(properties(service));
    }

    public static Map<String, String> toEnvironment(Map<String, String> properties) {
        Map<String, String> env = new LinkedHashMap<>();
        properties.forEach((name, value) -> env.put(envVarName(name), value));
        return env;
    }

    /**
     * Quarkus' (MicroProfile Config's) rule: every character that is not a letter or digit becomes
     * {@code _}, the rest is upper-cased: {@code quarkus.datasource.reactive.url} →
     * {@code QUARKUS_DATASOURCE_REACTIVE_URL}, {@code quarkus.oidc.auth-server-url} →
     * {@code QUARKUS_OIDC_AUTH_SERVER_URL}.
     */
    public static String envVarName(String property) {
        StringBuilder sb = new StringBuilder(property.length());
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
