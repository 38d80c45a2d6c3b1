package io.switchboard.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak in development mode ({@code kc.sh start-dev}, its own H2 database under
 * {@code <home>/data}), unzipped from the distribution in the local Maven repository on first use,
 * with the {@code switchboard} realm imported.
 */
final class KeycloakServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StateDir state;
    private final Ports ports;
    private final Secrets secrets;
    private final String gatewayUrl;
    private final Consumer<String> log;

    KeycloakServer(StateDir state, Ports ports, Secrets secrets, String gatewayUrl, Consumer<String> log) {
        this.state = state;
        this.ports = ports;
        this.secrets = secrets;
        this.gatewayUrl = gatewayUrl;
        this.log = log;
    }

    Path home() {
        return state.keycloakDir().resolve("keycloak-" + BuildInfo.get().keycloakVersion());
    }

    Process start() {
        install();
        writeRealm();
        List<String> command = List.of(home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + ports.keycloak(),
                "--import-realm",
                "--health-enabled=true",
                "--http-management-port=" + ports.keycloakManagement(),
                "--hostname=http://localhost:" + ports.keycloak());
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", Secrets.KEYCLOAK_ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                "JAVA_HOME", System.getProperty("java.home"));
        return Processes.start(command, env, home(), state.log("keycloak"));
    }

    /** Unzips the distribution (once per profile); a half-done unzip is never used. */
    private void install() {
        if (Files.isExecutable(home().resolve("bin/kc.sh"))) {
            return;
        }
        Path zip = BuildInfo.get().keycloakDistZip();
        log.accept("Keycloak: unpacking " + zip.getFileName() + " (first start of this profile; the first start also builds, ~1 min)");
        Path tmp = state.keycloakDir().resolve(".unzip-tmp");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zf.entries())) {
                    Path target = tmp.resolve(entry.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("bad zip entry " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zf.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (entry.getName().endsWith(".sh")) {
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
            deleteTree(home());
            Files.move(tmp.resolve(home().getFileName()), home(), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(tmp);
        } catch (IOException e) {
            throw new PlatformException("cannot unpack Keycloak from " + zip + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the realm with its secrets to {@code data/import}. Keycloak imports a realm only when it
     * does not exist yet, so when the rendered realm differs from the one imported before, the
     * Keycloak database is deleted to import it afresh.
     */
    private void writeRealm() {
        String realm = RealmTemplate.render(RealmTemplate.values(secrets, gatewayUrl));
        Path importDir = home().resolve("data/import");
        Path realmFile = importDir.resolve(RealmTemplate.REALM + "-realm.json");
        Path importedHash = home().resolve("data/.switchboard-realm.sha256");
        String hash = sha256(realm);
        try {
            Files.createDirectories(importDir);
            Path h2 = home().resolve("data/h2");
            boolean imported = Files.exists(h2);
            String previous = Files.exists(importedHash) ? Files.readString(importedHash).trim() : "";
            if (imported && !previous.equals(hash)) {
                log.accept("Keycloak: the realm changed since it was imported: re-creating Keycloak's database to import it again");
                deleteTree(h2);
            }
            Path tmp = Files.createTempFile(importDir, ".realm", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, realm, StandardCharsets.UTF_8);
            Files.move(tmp, realmFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(importedHash, hash + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ready = the management interface reports {@code /health/ready} UP and the realm's OpenID
     * configuration answers with the pinned issuer.
     */
    void awaitReady(Process keycloak, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String health = "http://localhost:" + ports.keycloakManagement() + "/health/ready";
        String issuer = "http://localhost:" + ports.keycloak() + "/realms/" + RealmTemplate.REALM;
        boolean healthy = false;
        while (true) {
            if (!keycloak.isAlive()) {
                throw new PlatformException("Keycloak exited during start (exit " + keycloak.exitValue() + "); see "
                        + state.log("keycloak") + "\n" + Processes.tail(state.log("keycloak"), 15));
            }
            healthy = healthy || get(health).filter(body -> body.contains("\"UP\"")).isPresent();
            if (healthy && get(issuer + "/.well-known/openid-configuration")
                    .filter(body -> body.contains("\"issuer\":\"" + issuer + "\"")).isPresent()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException("Keycloak did not become ready in " + timeout.toSeconds() + " s; see " + state.log("keycloak"));
            }
            KafkaBroker.sleep(500);
        }
    }

    /** Whether Keycloak is ready and serves the realm (for {@code status}). */
    static boolean answers(Ports ports) {
        return get("http://localhost:" + ports.keycloakManagement() + "/health/ready").filter(b -> b.contains("\"UP\"")).isPresent()
                && get("http://localhost:" + ports.keycloak() + "/realms/" + RealmTemplate.REALM + "/.well-known/openid-configuration").isPresent();
    }

    /** The body of a 200 response, or empty. */
    static java.util.Optional<String> get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? java.util.Optional.of(response.body()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
