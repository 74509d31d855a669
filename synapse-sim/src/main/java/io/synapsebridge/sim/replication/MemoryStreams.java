package io.synapsebridge.sim.replication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.command.RdataCommand;
import java.util.ArrayList;
import java.util.Collection;
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
 * token order. Thread-safe.
 */
public final class MemoryStreams {
    /** The in-memory streams of v1.66. */
    static final List<String> NAMES = List.of("presence_federation", "typing", "federation");

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
        streamer.accept(new MemoryUpdate(stream, token, rdata));
        return token;
    }
}
