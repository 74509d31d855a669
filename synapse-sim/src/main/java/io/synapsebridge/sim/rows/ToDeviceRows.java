package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.util.Map;

/**
 * To-device messages: for a local user, one {@code device_inbox} row per target device sharing the stream id;
 * for a remote server, one {@code device_federation_outbox} row carrying the messages for its users.
 */
public final class ToDeviceRows implements RowWriter {
    @Override
    public void write(WriteContext context) throws SQLException {
        if (context.random().nextInt(100) < 70) {
            local(context);
        } else {
            remote(context);
        }
    }

    private void local(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        String user = population.user(random);
        String sender = population.user(random);
        int devices = 1 + random.nextInt(2);
        for (int i = 0; i < devices; i++) {
            String device = population.device(user, random) + i;
            String message = Json.encode(Map.of(
                    "sender", sender,
                    "type", "m.room_key_request",
                    "content", Map.of("action", "request", "requesting_device_id", population.device(sender, random)),
                    "message_id", Long.toHexString(random.nextLong())));
            Sql.update(context.connection(), "INSERT INTO device_inbox (user_id, device_id, stream_id, message_json, "
                    + "instance_name) VALUES (?, ?, ?, ?, ?)", user, device, context.storedId(), message,
                    context.instanceName());
            context.wrote("to_device", "device_inbox");
        }
    }

    private void remote(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        String sender = population.user(random);
        String target = population.remoteUser(random);
        String destination = target.substring(target.indexOf(':') + 1);
        String messages = Json.encode(Map.of(
                "sender", sender,
                "type", "m.room.encrypted",
                "message_id", Long.toHexString(random.nextLong()),
                "messages", Map.of(target, Map.of("*", Map.of("algorithm", "m.olm.v1.curve25519-aes-sha2")))));
        Sql.update(context.connection(), "INSERT INTO device_federation_outbox (destination, stream_id, queued_ts, "
                        + "messages_json, instance_name) VALUES (?, ?, ?, ?, ?)",
                destination, context.storedId(), System.currentTimeMillis(), messages, context.instanceName());
        context.wrote("to_device", "device_federation_outbox");
    }
}
