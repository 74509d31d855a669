package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.protocol.json.SynapseJson;

/**
 * {@code LOCK_RELEASED ["<instance_name>","<lock_name>","<lock_key>"]} (v1.90+, Redis only in practice): a process
 * released a database lock.
 */
public record LockReleasedCommand(String instanceName, String lockName, String lockKey) implements Command {
    public LockReleasedCommand {
        if (instanceName == null || lockName == null || lockKey == null) {
            throw new IllegalArgumentException("LOCK_RELEASED fields must not be null");
        }
    }

    static LockReleasedCommand fromArgs(String args) {
        JsonNode json = Args.json(args, "LOCK_RELEASED payload");
        if (!json.isArray() || json.size() != 3 || !json.get(0).isTextual() || !json.get(1).isTextual()
                || !json.get(2).isTextual()) {
            throw new IllegalArgumentException("LOCK_RELEASED payload must be an array of 3 strings "
                    + "[instance_name, lock_name, lock_key], got " + SynapseJson.encode(json));
        }
        return new LockReleasedCommand(json.get(0).textValue(), json.get(1).textValue(), json.get(2).textValue());
    }

    @Override
    public CommandType type() {
        return CommandType.LOCK_RELEASED;
    }

    @Override
    public String args() {
        return SynapseJson.encode(JsonNodeFactory.instance.arrayNode().add(instanceName).add(lockName).add(lockKey));
    }
}
