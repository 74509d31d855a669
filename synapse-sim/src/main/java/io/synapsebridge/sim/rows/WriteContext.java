package io.synapsebridge.sim.rows;

import io.synapsebridge.sim.id.Stream;
import java.sql.Connection;
import java.util.random.RandomGenerator;

/** What a {@link RowWriter} gets to write one stream id's rows inside the open transaction. */
public interface WriteContext {
    /** The transaction's connection (autocommit off). */
    Connection connection();

    /** Goes into every {@code instance_name} column. */
    String instanceName();

    /** The write's own id as stored in the table: negative for backfill. */
    long storedId();

    /** Every id this write drew on its own stream, as stored, ascending; {@link #storedId()} is the first. */
    default java.util.List<Long> storedIds() {
        return java.util.List.of(storedId());
    }

    /** Draws an id of another stream inside this transaction, as Synapse does for cache invalidations. */
    long allocateInTransaction(Stream stream);

    /** The writer's current token on {@code stream}, e.g. for {@code push_rules_stream.event_stream_ordering}. */
    long currentToken(Stream stream);

    /** Notes a row written with the write's own id. */
    void wrote(String replicationStream, String table);

    /** Notes a row written with an id from {@link #allocateInTransaction}. */
    void wrote(Stream generator, long storedId, String replicationStream, String table);

    Population population();

    RandomGenerator random();
}
