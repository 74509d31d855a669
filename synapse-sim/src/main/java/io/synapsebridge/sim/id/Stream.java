package io.synapsebridge.sim.id;

import java.util.List;

/**
 * The id generators of Synapse v1.66 behind the replicated streams, with how each allocates and where it stores
 * ids. Two replication streams share a generator here: {@code tag_account_data} uses {@link #ACCOUNT_DATA} and
 * {@code user_signature} uses {@link #DEVICE_LISTS}.
 */
public enum Stream {
    EVENTS("events", "events", "events_stream_seq", AllocationMode.SEQUENCE_BEFORE_TXN, false,
            List.of(new IdColumn("events", "stream_ordering"))),
    /** Ids are drawn positive from the sequence and stored negated; wire tokens are positive. */
    BACKFILL("backfill", "backfill", "events_backfill_stream_seq", AllocationMode.SEQUENCE_BEFORE_TXN, true,
            List.of(new IdColumn("events", "stream_ordering"))),
    PRESENCE("presence", "presence_stream", "presence_stream_sequence", AllocationMode.SEQUENCE_BEFORE_TXN, false,
            List.of(new IdColumn("presence_stream", "stream_id"))),
    RECEIPTS("receipts", "receipts", "receipts_sequence", AllocationMode.SEQUENCE_BEFORE_TXN, false,
            List.of(new IdColumn("receipts_linearized", "stream_id"))),
    ACCOUNT_DATA("account_data", "account_data", "account_data_sequence", AllocationMode.SEQUENCE_BEFORE_TXN, false,
            List.of(new IdColumn("account_data", "stream_id"), new IdColumn("room_account_data", "stream_id"),
                    new IdColumn("room_tags_revisions", "stream_id"))),
    TO_DEVICE("to_device", "to_device", "device_inbox_sequence", AllocationMode.SEQUENCE_BEFORE_TXN, false,
            List.of(new IdColumn("device_inbox", "stream_id"), new IdColumn("device_federation_outbox", "stream_id"))),
    /** Any process may write it, so it has no {@code stream_positions} row. */
    CACHES("caches", null, "cache_invalidation_stream_seq", AllocationMode.SEQUENCE_IN_TXN, false,
            List.of(new IdColumn("cache_invalidation_stream_by_instance", "stream_id"))),
    PUSH_RULES("push_rules", null, null, AllocationMode.IN_PROCESS_COUNTER, false,
            List.of(new IdColumn("push_rules_stream", "stream_id"))),
    PUSHERS("pushers", null, null, AllocationMode.IN_PROCESS_COUNTER, false,
            List.of(new IdColumn("pushers", "id"), new IdColumn("deleted_pushers", "stream_id"))),
    DEVICE_LISTS("device_lists", null, null, AllocationMode.IN_PROCESS_COUNTER, false,
            List.of(new IdColumn("device_lists_stream", "stream_id"), new IdColumn("user_signature_stream", "stream_id"),
                    new IdColumn("device_lists_outbound_pokes", "stream_id"),
                    new IdColumn("device_lists_changes_in_room", "stream_id")));

    private final String streamName;
    private final String positionsName;
    private final String sequence;
    private final AllocationMode mode;
    private final boolean negative;
    private final List<IdColumn> idColumns;

    Stream(String streamName, String positionsName, String sequence, AllocationMode mode, boolean negative,
           List<IdColumn> idColumns) {
        this.streamName = streamName;
        this.positionsName = positionsName;
        this.sequence = sequence;
        this.mode = mode;
        this.negative = negative;
        this.idColumns = idColumns;
    }

    /** The replication stream name of this generator's main stream. */
    public String streamName() {
        return streamName;
    }

    /** The {@code stream_positions.stream_name} this generator records, or null if it records none. */
    public String positionsName() {
        return positionsName;
    }

    public boolean recordsPosition() {
        return positionsName != null;
    }

    /** The Postgres sequence, or null for the in-process counters. */
    public String sequence() {
        return sequence;
    }

    public AllocationMode mode() {
        return mode;
    }

    /** True when ids are stored negated (backfill). */
    public boolean negative() {
        return negative;
    }

    public List<IdColumn> idColumns() {
        return idColumns;
    }

    /** The value stored in the database (and in {@code stream_positions}) for a wire token. */
    public long toStored(long token) {
        return negative ? -token : token;
    }

    /** The wire token for a value stored in the database. */
    public long toToken(long stored) {
        return negative ? -stored : stored;
    }
}
