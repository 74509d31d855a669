package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.util.Map;

/** Read receipts: a user's receipt of one type in one room replaces the previous one (v1.66 has no threads). */
public final class ReceiptRows implements RowWriter {
    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        String room = population.room(random);
        String user = population.user(random);
        String type = random.nextInt(5) == 0 ? "m.read.private" : "m.read";
        String eventId = population.recentEvent(room, random).orElseGet(() -> population.newEventId(random));
        var connection = context.connection();
        // An upsert on the receipt's key, as Synapse writes it: concurrent receipts of one user wait for each other
        // instead of failing on the unique key.
        Sql.update(connection, "INSERT INTO receipts_linearized (stream_id, room_id, receipt_type, user_id, event_id, "
                        + "data, instance_name) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (room_id, receipt_type, user_id) DO UPDATE SET stream_id = EXCLUDED.stream_id, "
                        + "event_id = EXCLUDED.event_id, data = EXCLUDED.data, instance_name = EXCLUDED.instance_name",
                context.storedId(), room, type, user, eventId, Json.encode(Map.of("ts", System.currentTimeMillis())),
                context.instanceName());
        context.wrote("receipts", "receipts_linearized");
    }
}
