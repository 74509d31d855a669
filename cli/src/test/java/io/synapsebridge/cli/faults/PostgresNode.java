package io.synapsebridge.cli.faults;

import io.synapsebridge.devstack.DataDirectory;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import java.nio.file.Path;

/**
 * Postgres on a fixed port and a kept data directory, killed with SIGKILL and started again on the same files the
 * way a supervisor would restart it after a crash.
 */
final class PostgresNode implements AutoCloseable {
    private final Path root;
    private final int port;
    private volatile EmbeddedPostgresServer server;
    private int kills;

    PostgresNode(Path root, int port) {
        this.root = root;
        this.port = port;
        server = start();
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(port, DataDirectory.kept(root, "postgres"));
    }

    EmbeddedPostgresServer server() {
        return server;
    }

    int port() {
        return port;
    }

    /** SIGKILL of the postmaster and its backends, then a restart that recovers from the WAL. */
    synchronized void killAndRestart() {
        server.kill();
        kills++;
        server = start();
    }

    synchronized int kills() {
        return kills;
    }

    @Override
    public void close() {
        server.close();
    }
}
