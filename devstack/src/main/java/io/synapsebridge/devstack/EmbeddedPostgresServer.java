package io.synapsebridge.devstack;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * A real Postgres from the embedded binaries on Maven, set up for logical decoding.
 *
 * <p>{@code synchronous_commit} is turned back on: the embedded default ({@code off}) holds WAL back from the
 * walsender for up to {@code wal_writer_delay}, adding ~200 ms to every captured change.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    /** Long enough for crash recovery on a loaded machine, which can take well over the usual second or two. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final DataDirectory dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirectory dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts on {@code port} (0: any free port) in a temporary data directory. */
    public static EmbeddedPostgresServer start(int port) {
        return start(port, DataDirectory.temporary("skb-postgres-"));
    }

    public static EmbeddedPostgresServer start(int port, DataDirectory dataDirectory) {
        int bound;
        try {
            bound = Ports.requireFree("postgres", port);
        } catch (DevStackException e) {
            dataDirectory.close();
            throw e;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(bound)
                    .setDataDirectory(dataDirectory.path())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_slot_wal_keep_size", "1GB")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException | RuntimeException e) {
            dataDirectory.close();
            throw new DevStackException("postgres did not start on port " + bound + ": " + rootMessage(e), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public java.nio.file.Path dataDirectory() {
        return dataDirectory.path();
    }

    public boolean keepsData() {
        return !dataDirectory.isTemporary();
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    /**
     * A connection pool on {@code database}: writers that open many short transactions (as Synapse does) would
     * otherwise spend most of their time starting backends. Close it before the server.
     */
    public HikariDataSource pooledDataSource(String database, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("postgres-" + database);
        return new HikariDataSource(config);
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new DevStackException("invalid database name '" + database + "'");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new DevStackException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Kills the postmaster and every process under it with SIGKILL, as a crash would, and lets go of the data
     * directory, so that {@link #start(int, DataDirectory)} on it recovers from the WAL like Postgres after a crash.
     * Backends go too: one left running would keep the shared memory and the new postmaster from starting.
     */
    public void kill() {
        Path pidFile = dataDirectory.path().resolve("postmaster.pid");
        long pid;
        List<String> lockLines;
        try {
            lockLines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lockLines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new DevStackException("cannot read the postmaster's pid from " + pidFile + ": " + e.getMessage(), e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new DevStackException("postmaster " + pid + " is not running"));
        // Stopped first, so that no backend it forks while the others are listed escapes the kill.
        signal("STOP", pid);
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(postmaster);
        postmaster.descendants().forEach(processes::add);
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processes.stream().anyMatch(EmbeddedPostgresServer::running)) {
            if (System.nanoTime() > deadline) {
                throw new DevStackException("postgres processes still running 30 s after SIGKILL");
            }
            LockSupport.parkNanos(10_000_000);
        }
        try {
            // Nothing runs any more; a stale lock file naming an unreaped process (the data directory's, or the
            // Unix socket's, in the directory the pid file names on its fifth line) would stop the restart.
            Files.deleteIfExists(pidFile);
            if (lockLines.size() > 4 && !lockLines.get(4).isBlank()) {
                Path socketDir = Path.of(lockLines.get(4).trim());
                Files.deleteIfExists(socketDir.resolve(".s.PGSQL." + port() + ".lock"));
                Files.deleteIfExists(socketDir.resolve(".s.PGSQL." + port()));
            }
            // Releases the data directory's lock; the stop it tries first finds no server.
            postgres.close();
        } catch (IOException e) {
            throw new DevStackException("cannot let go of " + dataDirectory.path() + ": " + e.getMessage(), e);
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new DevStackException("cannot send SIG" + signal + " to " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException("interrupted while signalling " + pid, e);
        }
    }

    /** Running, not merely waiting to be reaped: a zombie holds no port and no shared memory. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DevStackException("postgres did not stop cleanly: " + e.getMessage(), e);
        } finally {
            dataDirectory.close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
