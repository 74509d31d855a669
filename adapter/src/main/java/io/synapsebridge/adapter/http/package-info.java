/**
 * Synapse's HTTP catch-up endpoint, {@code GET /_synapse/replication/get_repl_stream_updates/<stream>/<txn_id>},
 * answered from the stream topics: {@link io.synapsebridge.adapter.http.CatchUpServer} listens,
 * {@code TokenSeeker} finds a token's offset by binary search, {@code UpdateReader} collects one writer's rows in
 * the asked window up to the row limit without splitting a token's group. {@code TokenSeeker} and
 * {@code KafkaStreamLog} also serve the replication server's 2017-dialect catch-up.
 */
package io.synapsebridge.adapter.http;
