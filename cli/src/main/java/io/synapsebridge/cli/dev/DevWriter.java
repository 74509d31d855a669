package io.synapsebridge.cli.dev;

import com.zaxxer.hikari.HikariDataSource;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.StreamMix;
import io.synapsebridge.sim.replication.PositionAnnouncer;
import io.synapsebridge.sim.replication.ReplicationHttpListener;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stack's stand-in for Synapse's main process: the Synapse-like writer, announcing its positions on a
 * replication port as Synapse does, optionally writing at a steady rate.
 */
public final class DevWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevWriter.class);

    private final HikariDataSource pool;
    private final SynapseWriter writer;
    private final PositionAnnouncer announcer;
    private final ReplicationHttpListener http;
    private final double rate;
    private Thread load;

    private DevWriter(HikariDataSource pool, SynapseWriter writer, PositionAnnouncer announcer,
            ReplicationHttpListener http, double rate) {
        this.pool = pool;
        this.writer = writer;
        this.announcer = announcer;
        this.http = http;
        this.rate = rate;
    }

    public static DevWriter start(EmbeddedPostgresServer postgres, String database, String serverName, double rate) {
        HikariDataSource pool = postgres.pooledDataSource(database, 8);
        try {
            SynapseWriter writer = SynapseWriter.start(pool);
            PositionAnnouncer announcer = PositionAnnouncer.start(writer, "127.0.0.1", 0, serverName);
            try {
                ReplicationHttpListener http = ReplicationHttpListener.start("127.0.0.1", 0,
                        announcer::memoryStreams, null);
                return new DevWriter(pool, writer, announcer, http, rate);
            } catch (RuntimeException e) {
                announcer.close();
                throw e;
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return announcer.address();
    }

    /** The HTTP replication listener, on the same host. */
    public int httpPort() {
        return http.address().getPort();
    }

    SynapseWriter writer() {
        return writer;
    }

    /** Starts writing at the configured rate, if any, until closed. */
    public void startLoad() {
        if (rate <= 0) {
            return;
        }
        LoadProfile profile = LoadProfile.of(rate, Duration.ofDays(3650)).withThreads(2)
                .withOutOfOrderProbability(0.2).withRollbackProbability(0.02).withMix(StreamMix.typical());
        load = new Thread(() -> {
            try {
                new LoadGenerator(writer, profile).run();
            } catch (InterruptedException e) {
                LOG.debug("writer load stopped");
            }
        }, "dev-writer-load");
        load.start();
    }

    @Override
    public void close() {
        if (load != null) {
            load.interrupt();
            try {
                load.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.close();
        announcer.close();
        pool.close();
    }
}
