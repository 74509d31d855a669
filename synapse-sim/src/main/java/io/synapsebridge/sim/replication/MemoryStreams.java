package io.synapsebridge.sim.replication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.catchup.StreamUpdates;
import io.synapsebridge.protocol.command.RdataCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main process's streams that live only in its memory, as Synapse v1.66 keeps them: typing (one serial per room
 * change, the room's complete list of typing users per row), presence_federation (one id per "send these users'
 * presence to these servers", one row per pair) and federation (the send queue for a federation sender worker).
 * Their counters start afresh with every process, so a restarted main process announces lower tokens than before.
 *
 * <p>Each update gets its token and goes to the replication streamer in one step, so the streamer sends the rows in
 * token order. The last {@value #HISTORY} updates of each stream are kept for {@link #updatesSince}, as Synapse keeps
 * recent changes in memory for its HTTP replication endpoint. Thread-safe.
 */
public final class MemoryStreams {
    /** The in-memory streams of v1.66. */
    static final List<String> NAMES = List.of("presence_federation", "typing", "federation");
    /** Updates kept per stream for catching up. */
    static final int HISTORY = 10_000;
    /** Synapse answers a catch-up with about this many rows at most; the rest on the next request. */
    static final int MAX_ROWS = 100;

    private final String instance;
    private final Consumer<MemoryUpdate> streamer;
    /** Synapse's {@code _latest_room_serial}: 0 on start, the first change is 1. */
    private long typingSerial;
    /** The last presence_federation id handed out ({@code next_id - 1}): 0 on start. */
    private long presenceFederationId;
    /** {@code FederationRemoteSendQueue.pos}: 1 on start, the first entry is 2. */
    private long federationPos = 1;

    /** One update of an in-memory stream: its rows, all at one token, as RDATA in the order to send. */
    record MemoryUpdate(String stream, long token, List<RdataCommand> rdata) {
    }

    /** The rows of one token, kept for catching up. */
    private record Kept(long token, List<ArrayNode> rows) {
    }

    private final Map<String, Deque<Kept>> history = new HashMap<>();

    MemoryStreams(String instance, Consumer<MemoryUpdate> streamer) {
        this.instance = instance;
        this.streamer = streamer;
    }

    /** The tokens of a process that has just started. */
    static Map<String, Long> startingTokens() {
        return Map.of("presence_federation", 0L, "typing", 0L, "federation", 1L);
    }

    /** The users typing in {@code roomId} are now {@code userIds}; returns the token of the change. */
    public synchronized long typing(String roomId, Collection<String> userIds) {
        ArrayNode users = JsonNodeFactory.instance.arrayNode();
        userIds.forEach(users::add);
        ArrayNode row = JsonNodeFactory.instance.arrayNode().add(roomId).add(users);
        return send("typing", ++typingSerial, List.of(row));
    }

    /** Send the presence of {@code userIds} to {@code destinations}: one token, a row per pair. */
    public synchronized long presenceFederation(Collection<String> destinations, Collection<String> userIds) {
        List<ArrayNode> rows = new ArrayList<>();
        for (String destination : destinations) {
            for (String user : userIds) {
                rows.add(JsonNodeFactory.instance.arrayNode().add(destination).add(user));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("presence_federation needs a destination and a user");
        }
        return send("presence_federation", ++presenceFederationId, rows);
    }

    /** Queue a federation entry of {@code type} (pd, k or e) for the federation sender. */
    public synchronized long federation(String type, ObjectNode data) {
        return send("federation", ++federationPos, List.of(JsonNodeFactory.instance.arrayNode().add(type).add(data)));
    }

    private long send(String stream, long token, List<ArrayNode> rows) {
        List<RdataCommand> rdata = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            rdata.add(i < rows.size() - 1 ? RdataCommand.batch(stream, instance, rows.get(i))
                    : RdataCommand.of(stream, instance, token, rows.get(i)));
        }
        Deque<Kept> kept = history.computeIfAbsent(stream, s -> new ArrayDeque<>());
        kept.addLast(new Kept(token, rows));
        if (kept.size() > HISTORY) {
            kept.removeFirst();
        }
        streamer.accept(new MemoryUpdate(stream, token, rdata));
        return token;
    }

    /**
     * Synapse's {@code get_updates_since} for an in-memory stream, as its HTTP replication endpoint answers it: the
     * rows with {@code from < token <= upto} still kept, whole tokens only, about {@value #MAX_ROWS} rows at most.
     * When more remain, {@code limited} is set and {@code upto_token} is the last token returned. {@code from >= upto}
     * (a caller ahead of a restarted process) gets no rows.
     */
    public synchronized StreamUpdates updatesSince(String stream, long from, long upto) {
        List<StreamUpdates.Update> out = new ArrayList<>();
        for (Kept kept : history.getOrDefault(stream, new ArrayDeque<>())) {
            if (kept.token() <= from || kept.token() > upto) {
                continue;
            }
            if (!out.isEmpty() && out.size() + kept.rows().size() > MAX_ROWS) {
                return new StreamUpdates(out, out.get(out.size() - 1).token(), true);
            }
            kept.rows().forEach(row -> out.add(new StreamUpdates.Update(kept.token(), row)));
        }
        return new StreamUpdates(out, upto, false);
    }
}
