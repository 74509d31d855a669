package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.synapsebridge.protocol.json.SynapseJson;

/**
 * {@code INVALIDATE_CACHE <cache_func> <keys_json>} (until v1.13): a worker asks the main process to invalidate a
 * cache entry; {@code keysJson} is normally an array of strings.
 */
public record InvalidateCacheCommand(String cacheFunc, String keysJson) implements Command {
    public InvalidateCacheCommand {
        Args.word(cacheFunc, "cache_func");
        Args.text(keysJson, "keys_json");
    }

    static InvalidateCacheCommand fromArgs(String args) {
        String[] f = Args.split(args, "cache_func", "keys_json");
        return new InvalidateCacheCommand(f[0], SynapseJson.encode(Args.json(f[1], "keys_json")));
    }

    public JsonNode keys() {
        return SynapseJson.decode(keysJson);
    }

    @Override
    public CommandType type() {
        return CommandType.INVALIDATE_CACHE;
    }

    @Override
    public String args() {
        return cacheFunc + " " + keysJson;
    }
}
