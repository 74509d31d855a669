package io.synapsebridge.sim.id;

/** How Synapse v1.66 draws a stream's ids. */
public enum AllocationMode {
    /** {@code nextval} in its own autocommit interaction before the writing transaction starts ({@code get_next}). */
    SEQUENCE_BEFORE_TXN,
    /** {@code nextval} inside the writing transaction ({@code get_next_txn}); used for cache invalidations. */
    SEQUENCE_IN_TXN,
    /** No sequence: a counter in the writer process, initialised from {@code MAX(id)} of the backing tables. */
    IN_PROCESS_COUNTER
}
