package io.synapsebridge.connectors.frontier;

import io.synapsebridge.connectors.capture.DatabaseSettings;
import io.synapsebridge.connectors.memory.MemoryStreamCapture;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.ProtocolException;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.ErrorCommand;
import io.synapsebridge.protocol.command.NameCommand;
import io.synapsebridge.protocol.command.PingCommand;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.command.ReplicateCommand;
import io.synapsebridge.protocol.command.ServerCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replication client connection to the real writer (Synapse's main process up to v1.66), kept open for as long
 * as capture runs. Every token the writer announces (POSITION, or RDATA with a token) is fenced with the WAL position
 * read right after it arrives and handed to an {@link AnnouncementFence}. The in-memory streams' rows and positions
 * go to a {@link MemoryStreamCapture} instead: they are in no table, so there is nothing to fence. Reconnects like a
 * Synapse worker: at once, then at most every second.
 */
public final class WriterConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterConnection.class);
    private static final Dialect DIALECT = Dialect.V1_22;
    private static final Duration PING_INTERVAL = Duration.ofSeconds(5);

    private final WriterEndpoint endpoint;
    private final DatabaseSettings database;
    private final AnnouncementFence fence;
    private final MemoryStreamCapture memoryStreams;
    private final Thread thread;
    private final AtomicLong announcements = new AtomicLong();
    private volatile boolean running = true;
    private volatile Socket socket;

    public WriterConnection(WriterEndpoint endpoint, DatabaseSettings database, AnnouncementFence fence,
            MemoryStreamCapture memoryStreams) {
        this.endpoint = endpoint;
        this.database = database;
        this.fence = fence;
        this.memoryStreams = memoryStreams;
        this.thread = new Thread(this::run, "writer-connection");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public long announcements() {
        return announcements.get();
    }

    private void run() {
        Duration delay = Duration.ofMillis(100);
        while (running) {
            try (Connection db = database.connect(); Socket s = new Socket()) {
                socket = s;
                s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5000);
                LOG.info("following {}:{} for writer announcements", endpoint.host(), endpoint.port());
                delay = Duration.ofMillis(100);
                follow(s, db);
            } catch (IOException | SQLException | ProtocolException e) {
                if (running) {
                    LOG.warn("writer connection {}:{} lost: {}; retrying", endpoint.host(), endpoint.port(),
                            e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closing
                return;
            } catch (IllegalStateException e) {
                // Publishing failed: capture stops, and a restart resumes from what Kafka holds.
                LOG.error("stopped following the writer: {}", e.getMessage());
                return;
            }
            if (running) {
                try {
                    Thread.sleep(delay.toMillis()); // reconnect back-off, not synchronisation
                } catch (InterruptedException e) {
                    return;
                }
                delay = Duration.ofMillis(Math.min(1000, delay.toMillis() * 2));
            }
        }
    }

    private void follow(Socket s, Connection db) throws IOException, SQLException, InterruptedException {
        memoryStreams.connected();
        OutputStream out = s.getOutputStream();
        send(out, new NameCommand(endpoint.clientName()), PingCommand.at(System.currentTimeMillis()),
                ReplicateCommand.INSTANCE);
        // Having pinged, capture must keep talking or the writer times it out.
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "writer-connection-ping");
            t.setDaemon(true);
            return t;
        });
        pinger.scheduleAtFixedRate(() -> {
            try {
                send(out, PingCommand.at(System.currentTimeMillis()));
            } catch (IOException e) {
                LOG.debug("ping failed: {}", e.getMessage());
            }
        }, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8),
                    65536);
            List<Announcement> pending = new ArrayList<>();
            while (running) {
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("closed by the writer");
                }
                if (!Lines.isBlank(line)) {
                    handle(DIALECT.parse(line), out, pending);
                }
                if (!in.ready() && !pending.isEmpty()) {
                    fenceAll(db, pending);
                }
            }
        } finally {
            pinger.shutdownNow();
        }
    }

    private void handle(Command command, OutputStream out, List<Announcement> pending)
            throws IOException, InterruptedException {
        if (command instanceof ServerCommand server && !server.serverName().equals(endpoint.serverName())) {
            send(out, ErrorCommand.WRONG_REMOTE);
            throw new IOException("writer says it is " + server.serverName() + ", expected " + endpoint.serverName());
        } else if (command instanceof PositionCommand p && memoryStreams.captures(p.stream())) {
            memoryStreams.position(p);
        } else if (command instanceof RdataCommand r && memoryStreams.captures(r.stream())) {
            memoryStreams.rdata(r);
        } else if (command instanceof PositionCommand p) {
            pending.add(new Announcement(p.stream(), p.instance(), p.newToken(), 0));
        } else if (command instanceof RdataCommand r && r.token().isPresent()) {
            pending.add(new Announcement(r.stream(), r.instance(), r.token().getAsLong(), 0));
        }
    }

    /**
     * One WAL read fences every announcement received before it. The insert position, not the write position: with
     * {@code synchronous_commit=off} a commit returns before its record is written, and the write position can
     * then lie before it.
     */
    private void fenceAll(Connection db, List<Announcement> pending) throws SQLException {
        long lsn;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            lsn = rs.getLong(1);
        }
        for (Announcement a : pending) {
            fence.add(new Announcement(a.stream(), a.instance(), a.token(), lsn));
        }
        announcements.addAndGet(pending.size());
        pending.clear();
    }

    private synchronized void send(OutputStream out, Command... commands) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Command c : commands) {
            sb.append(DIALECT.format(c)).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing writer connection: {}", e.getMessage());
            }
        }
        thread.interrupt();
    }
}
