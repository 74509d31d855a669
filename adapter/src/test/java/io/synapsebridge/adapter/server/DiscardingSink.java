package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.protocol.command.Command;

/** A command sink for tests that do not look at worker commands. */
final class DiscardingSink implements WorkerCommandSink {
    @Override
    public void accept(String connection, Command command) {
    }

    @Override
    public void close() {
    }
}
