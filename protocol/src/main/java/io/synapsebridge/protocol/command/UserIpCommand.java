package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.protocol.json.SynapseJson;

/**
 * {@code USER_IP <user_id> ["<access_token>","<ip>","<user_agent>",<device_id|null>,<last_seen_ms>]}: a worker saw a
 * client request. The JSON order is the one Synapse's code uses (its docstring lists another). It carries an access
 * token in clear, so {@link #toString()} leaves it out.
 */
public record UserIpCommand(String userId, String accessToken, String ip, String userAgent, String deviceId,
        long lastSeenMs) implements Command {

    public UserIpCommand {
        Args.word(userId, "user_id");
        require(accessToken, "access_token");
        require(ip, "ip");
        require(userAgent, "user_agent");
    }

    static UserIpCommand fromArgs(String args) {
        String[] f = Args.split(args, "user_id", "json");
        // Reasons end up in logs: they never quote the payload, which holds an access token.
        JsonNode json;
        try {
            json = Args.json(f[1], "USER_IP payload");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("USER_IP payload: invalid JSON");
        }
        if (!json.isArray() || json.size() != 5) {
            throw new IllegalArgumentException("USER_IP payload must be a 5-element array "
                    + "[access_token, ip, user_agent, device_id, last_seen], got "
                    + (json.isArray() ? json.size() + " elements" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode lastSeen = json.get(4);
        if (!lastSeen.isIntegralNumber() || !lastSeen.canConvertToLong()) {
            throw new IllegalArgumentException("USER_IP last_seen must be an integer, got " + lastSeen);
        }
        JsonNode device = json.get(3);
        if (!device.isNull() && !device.isTextual()) {
            throw new IllegalArgumentException("USER_IP device_id must be a string or null, got " + device);
        }
        return new UserIpCommand(f[0], string(json.get(0), "access_token"), string(json.get(1), "ip"),
                string(json.get(2), "user_agent"), device.textValue(), lastSeen.longValue());
    }

    @Override
    public CommandType type() {
        return CommandType.USER_IP;
    }

    @Override
    public String args() {
        ArrayNode json = JsonNodeFactory.instance.arrayNode()
                .add(accessToken).add(ip).add(userAgent).add(deviceId).add(lastSeenMs);
        return userId + " " + SynapseJson.encode(json);
    }

    @Override
    public String toString() {
        return "UserIpCommand[userId=" + userId + ", accessToken=<redacted>, ip=" + ip + ", userAgent=" + userAgent
                + ", deviceId=" + deviceId + ", lastSeenMs=" + lastSeenMs + "]";
    }

    private static String string(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("USER_IP " + name + " must be a string, got "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node.textValue();
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
