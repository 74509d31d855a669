/** JSON exactly as Synapse's replication code writes it, and the strict reading it applies. */
package io.synapsebridge.protocol.json;
