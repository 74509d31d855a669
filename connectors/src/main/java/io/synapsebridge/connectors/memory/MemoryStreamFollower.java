package io.synapsebridge.connectors.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a writer announces on its replication connection for an in-memory stream into the records to publish,
 * in the order it announced them: rows (a {@code batch} group with its token), a position record when its token
 * moves without rows, and a reset record when its token goes back.
 *
 * <p>Tokens alone tell a restarted writer: a restart drops the connection, and on the next one the writer's
 * POSITION is below what was published. Within a run, a row at or below the published
 * token was published already and is dropped. A writer that restarted and went past the published token before the
 * bridge reconnected cannot be told from one that did not restart; its rows are published in the current run.
 *
 * <p>Like a Synapse worker, it takes a stream's rows on a connection only once the writer announced the stream's
 * position there; rows that arrive before that are kept until then, because only that POSITION tells whether they
 * belong to a new run. Not thread-safe: the connection's thread owns it.
 */
public final class MemoryStreamFollower {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryStreamFollower.class);

    private record WriterKey(String stream, String instance) {
    }

    /** A writer's run and the last token published in it. */
    private static final class Published {
        long run;
        long token;
    }

    /** Rows sharing a token. */
    public record Group(long token, List<ObjectNode> rows) {
    }

    private final Map<WriterKey, Published> published = new HashMap<>();
    /** Writers whose position was announced on the current connection. */
    private final Set<WriterKey> positioned = new HashSet<>();
    private final Map<WriterKey, List<ObjectNode>> batches = new HashMap<>();
    private final Map<WriterKey, List<Group>> early = new HashMap<>();
    private final Consumer<String> duplicate;

    /** @param duplicate told the stream of each row dropped because its token was published already */
    public MemoryStreamFollower(Consumer<String> duplicate) {
        this.duplicate = duplicate;
    }

    /** Restores a writer's state from the last record published for it (before a restart of capture). */
    public void restore(StreamRecord last) {
        Published p = state(new WriterKey(last.stream(), last.instance()));
        p.run = last.run();
        p.token = last.token();
    }

    /** A new connection to the writer: nothing is announced on it yet. */
    public void connected() {
        positioned.clear();
        batches.clear();
        early.clear();
    }

    /** {@code RDATA}: a row at {@code token}, or of a batch if it is empty. */
    public List<StreamRecord> row(String stream, String instance, OptionalLong token, ObjectNode row) {
        WriterKey key = new WriterKey(stream, instance);
        List<ObjectNode> rows = batches.computeIfAbsent(key, k -> new ArrayList<>());
        rows.add(row);
        if (token.isEmpty()) {
            return List.of();
        }
        batches.remove(key);
        Group group = new Group(token.getAsLong(), rows);
        if (!positioned.contains(key)) {
            early.computeIfAbsent(key, k -> new ArrayList<>()).add(group);
            return List.of();
        }
        List<StreamRecord> out = new ArrayList<>();
        publish(key, group, out);
        return out;
    }

    /**
     * Where the rows the writer announced while capture was not connected begin: the last token published, when
     * this is the writer's first {@code POSITION} on the connection and {@code token} lies above it in the same run.
     * Empty otherwise: nothing was missed, or the writer restarted (its rows before this position are then not
     * asked for: a restarted Synapse answers a caller ahead of it with nothing).
     */
    public OptionalLong missedSince(String stream, String instance, long token) {
        WriterKey key = new WriterKey(stream, instance);
        Published p = state(key);
        return !positioned.contains(key) && token > p.token ? OptionalLong.of(p.token) : OptionalLong.empty();
    }

    /** {@code POSITION}: the writer is at {@code token}, every row at or below it sent. */
    public List<StreamRecord> position(String stream, String instance, long token) {
        return position(stream, instance, token, List.of());
    }

    /**
     * {@code POSITION} with the rows missed before it ({@link #missedSince}), fetched from the writer: they are
     * published first, then any rows that came early on this connection, then the position.
     */
    public List<StreamRecord> position(String stream, String instance, long token, List<Group> missed) {
        WriterKey key = new WriterKey(stream, instance);
        // As in Synapse, a POSITION ends an unfinished batch: its rows are not sent again.
        batches.remove(key);
        List<StreamRecord> out = new ArrayList<>();
        boolean first = positioned.add(key);
        List<Group> before = first ? early.remove(key) : null;
        Published p = state(key);
        if (token < p.token) {
            // The run starts below the rows of it that came before this POSITION.
            long lowest = before == null ? token : Math.max(0, Math.min(token, before.get(0).token() - 1));
            p.run++;
            p.token = lowest;
            LOG.info("{} tokens of {} went back to {}: the writer restarted; run {} starts", stream, instance,
                    lowest, p.run);
            out.add(StreamRecord.reset(stream, instance, p.run, lowest));
        }
        for (Group g : missed) {
            if (g.token() <= token) {
                publish(key, g, out);
            }
        }
        if (before != null) {
            for (Group g : before) {
                publish(key, g, out);
            }
        }
        if (token > p.token) {
            if (first) {
                LOG.info("{} of {} is at {}, {} published: a position record covers the tokens between", stream,
                        instance, token, p.token);
            }
            p.token = token;
            out.add(StreamRecord.position(stream, instance, token).inRun(p.run));
        }
        return out;
    }

    private void publish(WriterKey key, Group group, List<StreamRecord> out) {
        Published p = state(key);
        if (group.token() <= p.token) {
            group.rows().forEach(r -> duplicate.accept(key.stream()));
            return;
        }
        p.token = group.token();
        for (ObjectNode row : group.rows()) {
            out.add(StreamRecord.row(key.stream(), key.instance(), group.token(), row).inRun(p.run));
        }
    }

    private Published state(WriterKey key) {
        return published.computeIfAbsent(key, k -> new Published());
    }
}
