package io.synapsebridge.sim;

import io.synapsebridge.sim.id.Stream;

/**
 * One row a committed write put into a stream table. {@code token} is the wire token (positive, also for
 * backfill); {@code replicationStream} is the stream the row replicates on, e.g. {@code tag_account_data} for
 * {@code room_tags_revisions}, whose ids come from {@code generator}.
 */
public record CommittedRow(Stream generator, String replicationStream, long token, String instance, String table) {
}
