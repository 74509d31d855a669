package io.synapsebridge.connectors.mapping;

import java.util.Set;

/**
 * Turns captured changes of some of Synapse's tables into stream rows or frontier moves. One mapper per stream
 * (or per frontier source), covering every table the stream is built from.
 */
public interface TableMapper {
    /** The tables this mapper reads; each table belongs to one mapper. */
    Set<String> tables();

    /**
     * Maps one change. Throws {@link InvalidChangeException} when the change cannot be mapped; the change then goes
     * to the dead-letter topic and capture goes on.
     */
    void map(ChangeRow change, MappingSink sink);

    /**
     * The transaction the last changes belonged to is complete (capture delivers transactions whole, in commit
     * order). Mappers that join rows of one transaction let go of them here.
     */
    default void endTransaction() {
    }
}
