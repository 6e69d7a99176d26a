package nl.adempauze.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real PostgreSQL binaries shipped as a Maven artifact, started as a child process (works as root). Started with a
 * data directory of its own ({@link #startRestartable}), it can be stopped and started again on the same port with
 * its data, as a database server restart in production would, or killed ({@link #kill()}) as in a crash.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.postgres = launch(port, dataDirectory);
    }

    /** Starts on the given port, or a free one when {@code port} is 0; the data is gone when it closes. */
    public static EmbeddedPostgresServer start(int port) {
        return new EmbeddedPostgresServer(port, null);
    }

    /** Starts on {@code port} (not 0: a restart must come back where the clients look) keeping its data in the directory. */
    public static EmbeddedPostgresServer startRestartable(int port, Path dataDirectory) {
        if (port <= 0) {
            throw new IllegalArgumentException("A restartable server needs a fixed port");
        }
        return new EmbeddedPostgresServer(port, dataDirectory);
    }

    private static EmbeddedPostgres launch(int port, Path dataDirectory) {
        try {
            // durable commits: zonky's default synchronous_commit=off could lose a request already answered 201
            // when the server crashes; fsync makes the flushed WAL reach the disk
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** Stops the server (a fast shutdown: open connections are cut); its data stays for {@link #startAgain()}. */
    public synchronized void stop() {
        requireRestartable();
        if (postgres != null) {
            closeQuietly(postgres);
            postgres = null;
        }
    }

    /**
     * Kills the server as a crash of its machine would (SIGKILL to the postmaster and every backend at once, no
     * checkpoint); {@link #startAgain()} then runs crash recovery from the write-ahead log.
     */
    public synchronized void kill() {
        requireRestartable();
        if (postgres == null) {
            return;
        }
        long postmaster = postmasterPid();
        ProcessHandle.of(postmaster).ifPresent(handle -> {
            List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
            all.add(handle);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(process -> process.onExit().join());
        });
        // pg_ctl stop finds no server (logged, not thrown); what close() is needed for is the data directory's lock
        closeQuietly(postgres);
        postgres = null;
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("No postmaster.pid in " + dataDirectory, e);
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void startAgain() {
        requireRestartable();
        if (postgres == null) {
            postgres = launch(port, dataDirectory);
        }
    }

    private void requireRestartable() {
        if (dataDirectory == null) {
            throw new IllegalStateException("Started without a data directory of its own: not restartable");
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public synchronized int port() {
        return postgres == null ? port : postgres.getPort();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            closeQuietly(postgres);
            postgres = null;
        }
    }
}
