package io.synapsebridge.protocol.rows;

/**
 * A Synapse release whose stream set and row layouts the bridge emulates. Row layouts change between releases and
 * Synapse requires the main process and its workers to run the same one, so this is configuration, independent of
 * the line {@link io.synapsebridge.protocol.command.Dialect}.
 */
public enum SynapseVersion {
    /** v1.66: 9-field ev, 5-field receipts, device_lists {@code [entity]}, tag_account_data and user_signature. */
    V1_66(RowShapes.v1_66()),
    /**
     * Current Synapse (HEAD a58ad44, v1.157.1+): state-all events, receipts with thread_id, device_lists
     * {@code [user_id, is_signature, hosts_calculated]}, no tag_account_data or user_signature, and the newer streams.
     */
    HEAD(RowShapes.head());

    private final StreamCatalog catalog;

    SynapseVersion(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    /** The version's streams and their row layouts. */
    public StreamCatalog catalog() {
        return catalog;
    }
}
