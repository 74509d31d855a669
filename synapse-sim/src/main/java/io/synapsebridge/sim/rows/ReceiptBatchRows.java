package io.synapsebridge.sim.rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One receipt per id of a batch write, in one multi-row upsert: the lean way to put many rows per second into
 * {@code receipts_linearized} while ids still come from the sequence and the position is still recorded after
 * commit. Each batch updates distinct receipt keys, locked in key order, so concurrent batches may wait for each
 * other but never deadlock.
 */
public final class ReceiptBatchRows implements RowWriter {
    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        List<Long> ids = context.storedIds();
        TreeSet<String> keys = new TreeSet<>();
        for (int attempts = 0; keys.size() < ids.size(); attempts++) {
            if (attempts > ids.size() * 20) {
                throw new IllegalStateException("the population is too small for " + ids.size()
                        + " distinct receipts in one write");
            }
            String type = random.nextInt(5) == 0 ? "m.read.private" : "m.read";
            keys.add(population.room(random) + '\n' + type + '\n' + population.user(random));
        }
        StringBuilder sql = new StringBuilder("INSERT INTO receipts_linearized (stream_id, room_id, receipt_type, "
                + "user_id, event_id, data, instance_name) VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (room_id, receipt_type, user_id) DO UPDATE SET stream_id = EXCLUDED.stream_id, "
                + "event_id = EXCLUDED.event_id, data = EXCLUDED.data, instance_name = EXCLUDED.instance_name");
        Connection connection = context.connection();
        String data = Json.encode(Map.of("ts", System.currentTimeMillis()));
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            int i = 0;
            for (String key : keys) {
                String[] parts = key.split("\n", 3);
                ps.setLong(p++, ids.get(i++));
                ps.setString(p++, parts[0]);
                ps.setString(p++, parts[1]);
                ps.setString(p++, parts[2]);
                ps.setString(p++, population.recentEvent(parts[0], random)
                        .orElseGet(() -> population.newEventId(random)));
                ps.setString(p++, data);
                ps.setString(p++, context.instanceName());
            }
            ps.executeUpdate();
        }
        for (long id : ids) {
            context.wrote(io.synapsebridge.sim.id.Stream.RECEIPTS, id, "receipts", "receipts_linearized");
        }
    }
}
