package io.synapsebridge.connectors.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frontier from captured {@code stream_positions}: Synapse upserts a writer's position only after every row of
 * that writer at or below it has committed, so when capture delivers position P for writer W, all of W's rows up to
 * P were delivered before it.
 *
 * <p>The table uses the id generators' names, which are not always the replication streams' names; one generator
 * can feed several streams (in v1.66 tags share the account data generator).
 */
public final class StreamPositionsMapper implements TableMapper {
    public static final String TABLE = "stream_positions";

    private final Map<String, List<String>> streamsByGenerator;

    public StreamPositionsMapper(Map<String, List<String>> streamsByGenerator) {
        this.streamsByGenerator = Map.copyOf(streamsByGenerator);
    }

    /** Synapse v1.66: the id generators that record positions, and the streams each one feeds. */
    public static StreamPositionsMapper v1_66() {
        return new StreamPositionsMapper(Map.of(
                "events", List.of("events"),
                "backfill", List.of("backfill"),
                "presence_stream", List.of("presence"),
                "receipts", List.of("receipts"),
                "account_data", List.of("account_data", "tag_account_data"),
                "to_device", List.of("to_device")));
    }

    /** The streams whose frontier this mapper moves. */
    public Set<String> streams() {
        Set<String> out = new java.util.HashSet<>();
        streamsByGenerator.values().forEach(out::addAll);
        return Set.copyOf(out);
    }

    @Override
    public Set<String> tables() {
        return Set.of(TABLE);
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        String generator = change.text("stream_name");
        List<String> streams = streamsByGenerator.get(generator);
        if (streams == null) {
            return; // a generator whose stream is not captured (e.g. e2e_cross_signing_keys)
        }
        long stored = change.integer("stream_id");
        // Backfill positions are stored negative; on the wire (and in topics) tokens are positive.
        long token = generator.equals("backfill") ? -stored : stored;
        if (token <= 0) {
            return; // the generator's initial position: nothing announced yet
        }
        String instance = change.text("instance_name");
        for (String stream : streams) {
            sink.frontier(stream, instance, token);
        }
    }
}
