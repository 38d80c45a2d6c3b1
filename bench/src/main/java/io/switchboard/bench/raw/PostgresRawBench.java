package io.switchboard.bench.raw;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * What this machine's PostgreSQL does on its own: inserts of a row shaped like ours (uuid key, a
 * jsonb payload of about 300 bytes), one per transaction and 100 per statement, each for a fixed
 * time, in a scratch database.
 */
public final class PostgresRawBench {

    public record Result(int rowBytes, double singleRowInsertsPerSec, double batchedRowsPerSec, int batchSize) {
    }

    static final int BATCH = 100;
    private static final String PAYLOAD = "{\"channel\":\"X\",\"text\":\"" + "m".repeat(240) + "\",\"priority\":42}";

    private final String adminJdbcUrl;
    private final String benchJdbcUrl;
    private final String user;
    private final String password;

    public PostgresRawBench(String host, int port, String user, String password) {
        this.adminJdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        this.benchJdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/switchboard_bench";
        this.user = user;
        this.password = password;
    }

    public Result run(Duration each) throws SQLException {
        prepare();
        try (Connection connection = DriverManager.getConnection(benchJdbcUrl, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_row");
                ddl.execute("create table bench_row (id uuid primary key, payload jsonb not null, created_at timestamptz not null default now())");
            }
            double single = singleRowInserts(connection, each);
            double batched = batchedInserts(connection, each);
            return new Result(PAYLOAD.length() + 16, single, batched, BATCH);
        }
    }

    private void prepare() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminJdbcUrl, user, password);
             Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = 'switchboard_bench'");
            if (!exists.next()) {
                statement.execute("create database switchboard_bench");
            }
        }
    }

    private static double singleRowInserts(Connection connection, Duration each) throws SQLException {
        connection.setAutoCommit(true);
        long rows = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        try (PreparedStatement insert = connection.prepareStatement("insert into bench_row (id, payload) values (?, ?::jsonb)")) {
            while (System.nanoTime() < end) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, PAYLOAD);
                insert.executeUpdate();
                rows++;
            }
        }
        return rows / seconds(start);
    }

    private static double batchedInserts(Connection connection, Duration each) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into bench_row (id, payload) values ");
        for (int i = 0; i < BATCH; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?::jsonb)");
        }
        connection.setAutoCommit(true);
        long rows = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            while (System.nanoTime() < end) {
                for (int i = 0; i < BATCH; i++) {
                    insert.setObject(2 * i + 1, UUID.randomUUID());
                    insert.setString(2 * i + 2, PAYLOAD);
                }
                insert.executeUpdate();
                rows += BATCH;
            }
        }
        return rows / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
