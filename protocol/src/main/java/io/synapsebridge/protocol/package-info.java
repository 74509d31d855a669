/**
 * Synapse's replication line protocol, without any networking: framing rules ({@link
 * io.synapsebridge.protocol.Lines}), JSON ({@code json}), commands and dialects ({@code command}) and the
 * per-version row layouts ({@code rows}).
 *
 * <p>Typical server use: read a line, {@link io.synapsebridge.protocol.Lines#isBlank skip it if blank},
 * {@link io.synapsebridge.protocol.command.Dialect#parseFromClient parse it}, and on a
 * {@link io.synapsebridge.protocol.ProtocolException} send its
 * {@link io.synapsebridge.protocol.ProtocolException#errorReply() error reply} and close. To send, build a
 * command, {@link io.synapsebridge.protocol.command.Dialect#format format} it and drop it if
 * {@link io.synapsebridge.protocol.Lines#fits it is too long}.
 */
package io.synapsebridge.protocol;
