package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writers sharing the v1.66 device-list counter: a local device change ({@code device_lists_stream} plus the
 * rooms to fan it out to), outbound pokes to remote servers, and cross-signing signatures
 * ({@code user_signature_stream}, which replicates on the user_signature stream).
 */
public final class DeviceListRows implements RowWriter {
    @Override
    public void write(WriteContext context) throws SQLException {
        int pick = context.random().nextInt(100);
        if (pick < 50) {
            deviceChange(context);
        } else if (pick < 80) {
            outboundPokes(context);
        } else {
            signatures(context);
        }
    }

    private void deviceChange(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        String user = population.user(random);
        String device = population.device(user, random);
        Sql.update(context.connection(), "INSERT INTO device_lists_stream (stream_id, user_id, device_id) VALUES (?, ?, ?)",
                context.storedId(), user, device);
        context.wrote("device_lists", "device_lists_stream");
        String room = population.room(random);
        Sql.update(context.connection(), "INSERT INTO device_lists_changes_in_room (user_id, device_id, room_id, "
                        + "stream_id, converted_to_destinations, opentracing_context) VALUES (?, ?, ?, ?, false, '{}')",
                user, device, room, context.storedId());
    }

    private void outboundPokes(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        String user = population.user(random);
        String device = population.device(user, random);
        Set<String> destinations = new LinkedHashSet<>(List.of(population.remoteServer(random),
                population.remoteServer(random)));
        for (String destination : destinations) {
            Sql.update(context.connection(), "INSERT INTO device_lists_outbound_pokes (destination, stream_id, user_id, "
                            + "device_id, sent, ts, opentracing_context) VALUES (?, ?, ?, ?, false, ?, '{}')",
                    destination, context.storedId(), user, device, System.currentTimeMillis());
            context.wrote("device_lists", "device_lists_outbound_pokes");
        }
    }

    private void signatures(WriteContext context) throws SQLException {
        var random = context.random();
        String from = context.population().user(random);
        Sql.update(context.connection(), "INSERT INTO user_signature_stream (stream_id, from_user_id, user_ids) "
                        + "VALUES (?, ?, ?)",
                context.storedId(), from, Json.encode(List.of(context.population().user(random))));
        context.wrote("user_signature", "user_signature_stream");
    }
}
