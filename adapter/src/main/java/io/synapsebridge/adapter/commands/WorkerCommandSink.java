package io.synapsebridge.adapter.commands;

import io.synapsebridge.protocol.command.Command;

/** Where commands that workers send to the main process go (USER_SYNC, USER_IP, FEDERATION_ACK, ...). */
public interface WorkerCommandSink extends AutoCloseable {
    /** @param connection the name the worker gave with NAME, or its address if it gave none */
    void accept(String connection, Command command);

    @Override
    void close();
}
