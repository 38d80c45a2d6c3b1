package io.switchboard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated secrets of one profile, kept in {@code secrets.env} (mode 0600, {@code KEY=value}
 * lines). Generated with {@link SecureRandom} on first use; never logged.
 */
public final class Secrets {

    public static final String POSTGRES_SUPERUSER_PASSWORD = "POSTGRES_SUPERUSER_PASSWORD";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "KEYCLOAK_ADMIN_PASSWORD";
    public static final String GATEWAY_CLIENT_SECRET = "GATEWAY_CLIENT_SECRET";
    public static final String DEMO_USER_PASSWORD = "DEMO_USER_PASSWORD";
    /** The signing secret of the local "demo" webhook source, which the benchmark drives. */
    public static final String WEBHOOK_DEMO_SECRET = "WEBHOOK_DEMO_SECRET";
    /** mention-service's key for the keyed hashes of erased identities; must never change for a database. */
    public static final String PRIVACY_IDENTITY_KEY = "PRIVACY_IDENTITY_KEY";

    /** Keycloak's bootstrap administrator (master realm). */
    public static final String KEYCLOAK_ADMIN_USER = "admin";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values;
    private final boolean created;

    private Secrets(Map<String, String> values, boolean created) {
        this.values = Collections.unmodifiableMap(values);
        this.created = created;
    }

    /** Every key with the length of its generated value; alphanumeric only, so safe in URLs, SQL and env files. */
    static Map<String, Integer> specification() {
        Map<String, Integer> spec = new LinkedHashMap<>();
        spec.put(POSTGRES_SUPERUSER_PASSWORD, 32);
        for (Service service : Service.values()) {
            spec.put(dbPasswordKey(service), 32);
        }
        spec.put(KEYCLOAK_ADMIN_PASSWORD, 24);
        spec.put(GATEWAY_CLIENT_SECRET, 40);
        spec.put(DEMO_USER_PASSWORD, 14);
        spec.put(WEBHOOK_DEMO_SECRET, 40);
        spec.put(PRIVACY_IDENTITY_KEY, 48);
        return spec;
    }

    public static String dbPasswordKey(Service service) {
        return service.database().toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD";
    }

    /** Reads the secrets file; generates it (or any key missing from it) first. */
    public static Secrets loadOrCreate(Path file) {
        Map<String, String> values = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        boolean created = values.isEmpty();
        boolean changed = false;
        for (Map.Entry<String, Integer> key : specification().entrySet()) {
            if (!values.containsKey(key.getKey()) || values.get(key.getKey()).isBlank()) {
                values.put(key.getKey(), generate(key.getValue()));
                changed = true;
            }
        }
        if (changed) {
            write(file, values);
        }
        return new Secrets(values, created);
    }

    /** Reads an existing secrets file; fails if the profile was never started. */
    public static Secrets load(Path file) {
        if (!Files.exists(file)) {
            throw new PlatformException("no secrets yet (" + file + "): start the platform once with `up`");
        }
        return new Secrets(read(file), false);
    }

    /** True when this run generated the file: any older data under the state dir belongs to other secrets. */
    public boolean created() {
        return created;
    }

    /** A secret that a platform started by an older launcher may not have. */
    public java.util.Optional<String> find(String key) {
        return java.util.Optional.ofNullable(values.get(key));
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new PlatformException("secrets.env has no " + key + ": delete it or run up --reset");
        }
        return value;
    }

    public String dbPassword(Service service) {
        return get(dbPasswordKey(service));
    }

    public String postgresSuperuserPassword() {
        return get(POSTGRES_SUPERUSER_PASSWORD);
    }

    public String keycloakAdminPassword() {
        return get(KEYCLOAK_ADMIN_PASSWORD);
    }

    public String gatewayClientSecret() {
        return get(GATEWAY_CLIENT_SECRET);
    }

    public String demoUserPassword() {
        return get(DEMO_USER_PASSWORD);
    }

    static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                    continue;
                }
                values.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }

    private static void write(Path file, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        lines.add("# Generated by the Switchboard launcher (SecureRandom). Private: mode 0600, never commit or log.");
        lines.add("# Deleting this file makes the next `up` generate new secrets and start with empty data.");
        values.forEach((key, value) -> lines.add(key + "=" + value));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".secrets", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
