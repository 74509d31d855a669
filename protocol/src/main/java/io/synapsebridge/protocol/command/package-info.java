/**
 * Replication commands: one immutable record per command, {@link io.synapsebridge.protocol.command.Dialect}
 * to read and write lines in the format of a Synapse release range, and the two protocol errors a server answers
 * with {@code ERROR} and a close: {@link io.synapsebridge.protocol.command.CommandParseException} and
 * {@link io.synapsebridge.protocol.command.InvalidCommandException}.
 */
package io.synapsebridge.protocol.command;
