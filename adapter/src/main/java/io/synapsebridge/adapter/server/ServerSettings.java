package io.synapsebridge.adapter.server;

import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the replication server presents itself and what it tolerates.
 *
 * @param host                    address to listen on (loopback unless configured otherwise)
 * @param port                    port to listen on (0: any free port)
 * @param serverName              Synapse's {@code server_name}, sent as {@code SERVER}; workers check it
 * @param dialect                 the line format of the Synapse releases served
 * @param version                 the Synapse release whose streams and row layouts are emulated
 * @param mainProcessSendsFederation Synapse's {@code send_federation}: if true the federation stream is not announced
 * @param maxPendingCommands      a connection further behind than this is disconnected (Synapse: 10000)
 * @param maxConnections          connections beyond this are refused with an ERROR
 * @param pingInterval            PING when nothing was sent for this long (Synapse: 5 s)
 * @param pingTimeout             close a connection that pinged and then went quiet this long (Synapse: 25 s)
 * @param tlsCertFile             PEM certificate chain for TLS on the replication port, or null for plain TCP
 * @param tlsKeyFile              PEM (PKCS#8) private key of {@code tlsCertFile}, or null
 */
public record ServerSettings(String host, int port, String serverName, Dialect dialect, SynapseVersion version,
        boolean mainProcessSendsFederation, int maxPendingCommands, int maxConnections, Duration pingInterval,
        Duration pingTimeout, Path tlsCertFile, Path tlsKeyFile) {

    /** Plain TCP. */
    public ServerSettings(String host, int port, String serverName, Dialect dialect, SynapseVersion version,
            boolean mainProcessSendsFederation, int maxPendingCommands, int maxConnections, Duration pingInterval,
            Duration pingTimeout) {
        this(host, port, serverName, dialect, version, mainProcessSendsFederation, maxPendingCommands,
                maxConnections, pingInterval, pingTimeout, null, null);
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(version, "version");
        if (serverName.isBlank() || serverName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("server name must be one word, got '" + serverName + "'");
        }
        if (maxPendingCommands < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if ((tlsCertFile == null) != (tlsKeyFile == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key file");
        }
    }

    public boolean tls() {
        return tlsCertFile != null;
    }

    public static ServerSettings defaults(String serverName) {
        return new ServerSettings("127.0.0.1", 9092, serverName, Dialect.DEFAULT, SynapseVersion.V1_66, false,
                10_000, 1_000, Duration.ofSeconds(5), Duration.ofSeconds(25));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, serverName, dialect, version, mainProcessSendsFederation,
                maxPendingCommands, maxConnections, pingInterval, pingTimeout, tlsCertFile, tlsKeyFile);
    }

    public ServerSettings withTls(Path certFile, Path keyFile) {
        return new ServerSettings(host, port, serverName, dialect, version, mainProcessSendsFederation,
                maxPendingCommands, maxConnections, pingInterval, pingTimeout, certFile, keyFile);
    }
}
