package nl.adempauze.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.adempauze.embedded.PostgresServer;

/**
 * (c) The database's own ceiling on the stack's PostgreSQL: one-row {@code UPDATE bench SET n = n + 1}
 * transactions over JDBC, each committed, back to back on one connection and on a few (all on one row, as a hot
 * capacity figure is, or each on a row of its own). pgbench would be the standard tool, but the embedded server
 * ships without it and a fresh machine has no PostgreSQL client installed: this is the few lines it takes.
 */
public final class DatabaseCeiling {

    public static final String DATABASE = "benchmark_ceiling";
    public static final String UPDATE = "UPDATE bench SET n = n + 1 WHERE id = ?";

    public record Result(int connections, boolean oneRow, long transactions, double perSecond,
                         Latencies.Summary latency) {
    }

    private final PostgresServer postgres;

    public DatabaseCeiling(PostgresServer postgres) {
        this.postgres = postgres;
        postgres.createDatabase(DATABASE);
        try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench (id int PRIMARY KEY, n bigint NOT NULL)");
            statement.execute("INSERT INTO bench SELECT i, 0 FROM generate_series(1, 16) i");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the ceiling's table", e);
        }
    }

    /** The server settings that decide what a commit costs. */
    public static String commitSettings(PostgresServer postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT string_agg(name || '=' || current_setting(name), "
                     + "', ' ORDER BY name) || ', PostgreSQL ' || current_setting('server_version') FROM pg_settings "
                     + "WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers')")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    public Result run(int connections, boolean oneRow, Duration duration) {
        Latencies latencies = new Latencies();
        AtomicLong transactions = new AtomicLong();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int row = oneRow ? 1 : i + 1;
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(DATABASE);
                     PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    connection.setAutoCommit(false);
                    update.setInt(1, row);
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        update.executeUpdate();
                        connection.commit();
                        latencies.recordNanos(System.nanoTime() - start);
                        transactions.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            }, "database-ceiling-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A ceiling connection failed", failures.get(0));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(connections, oneRow, transactions.get(), transactions.get() / seconds, latencies.summary());
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
