package io.switchboard.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code switchboard} realm: {@code keycloak/switchboard-realm.json} with its
 * {@code ${SWITCHBOARD_...}} placeholders filled in. The same file serves the Kubernetes realm import,
 * where the placeholders come from secrets (Keycloak substitutes {@code ${VAR}} from the environment
 * on import).
 */
public final class RealmTemplate {

    public static final String RESOURCE = "/keycloak/switchboard-realm.json";
    public static final String REALM = "switchboard";

    public static final String GATEWAY_CLIENT_SECRET = "SWITCHBOARD_GATEWAY_CLIENT_SECRET";
    public static final String DEMO_PASSWORD = "SWITCHBOARD_DEMO_PASSWORD";
    public static final String GATEWAY_URL = "SWITCHBOARD_GATEWAY_URL";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(SWITCHBOARD_[A-Z0-9_]+)}");

    private RealmTemplate() {
    }

    /** The template as stored, placeholders included. */
    public static String template() {
        try (InputStream in = RealmTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The placeholder values for a local profile. */
    public static Map<String, String> values(Secrets secrets, String gatewayUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(GATEWAY_CLIENT_SECRET, secrets.gatewayClientSecret());
        values.put(DEMO_PASSWORD, secrets.demoUserPassword());
        values.put(GATEWAY_URL, gatewayUrl);
        return values;
    }

    /** The realm JSON with every {@code ${SWITCHBOARD_...}} placeholder replaced; fails on one without a value. */
    public static String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for realm placeholder ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
