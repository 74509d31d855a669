/**
 * Synapse's HTTP catch-up endpoint, {@code get_repl_stream_updates}: the shape of its answer, which the bridge's
 * endpoint and the Synapse-like main process both serve.
 */
package io.synapsebridge.protocol.catchup;
