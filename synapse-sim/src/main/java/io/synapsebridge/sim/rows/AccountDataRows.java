package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The three writers sharing {@code account_data_sequence}: global account data and room account data (the
 * account_data stream) and room tags (the tag_account_data stream, through {@code room_tags_revisions}).
 */
public final class AccountDataRows implements RowWriter {
    private static final List<String> GLOBAL_TYPES =
            List.of("m.direct", "m.ignored_user_list", "im.vector.setting.breadcrumbs", "m.identity_server");
    private static final List<String> ROOM_TYPES = List.of("m.fully_read", "org.matrix.msc2867.marked_unread");
    private static final List<String> TAGS = List.of("m.favourite", "m.lowpriority", "u.work");

    @Override
    public void write(WriteContext context) throws SQLException {
        int pick = context.random().nextInt(100);
        if (pick < 40) {
            global(context);
        } else if (pick < 60) {
            room(context);
        } else {
            tag(context);
        }
    }

    private void global(WriteContext context) throws SQLException {
        var random = context.random();
        String user = context.population().user(random);
        String type = GLOBAL_TYPES.get(random.nextInt(GLOBAL_TYPES.size()));
        Sql.update(context.connection(), "INSERT INTO account_data (user_id, account_data_type, stream_id, content, "
                        + "instance_name) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, account_data_type) DO UPDATE "
                        + "SET stream_id = EXCLUDED.stream_id, content = EXCLUDED.content, "
                        + "instance_name = EXCLUDED.instance_name",
                user, type, context.storedId(), Json.encode(Map.of("rev", context.storedId())), context.instanceName());
        context.wrote("account_data", "account_data");
    }

    private void room(WriteContext context) throws SQLException {
        var random = context.random();
        String user = context.population().user(random);
        String room = context.population().room(random);
        String type = ROOM_TYPES.get(random.nextInt(ROOM_TYPES.size()));
        Object content = type.equals("m.fully_read")
                ? Map.of("event_id", context.population().recentEvent(room, random)
                        .orElseGet(() -> context.population().newEventId(random)))
                : Map.of("marked_unread", random.nextBoolean());
        Sql.update(context.connection(), "INSERT INTO room_account_data (user_id, room_id, account_data_type, stream_id, "
                        + "content, instance_name) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, room_id, account_data_type) DO UPDATE SET stream_id = EXCLUDED.stream_id, "
                        + "content = EXCLUDED.content, instance_name = EXCLUDED.instance_name",
                user, room, type, context.storedId(), Json.encode(content), context.instanceName());
        context.wrote("account_data", "room_account_data");
    }

    private void tag(WriteContext context) throws SQLException {
        var random = context.random();
        var connection = context.connection();
        String user = context.population().user(random);
        String room = context.population().room(random);
        String tag = TAGS.get(random.nextInt(TAGS.size()));
        if (random.nextInt(4) == 0) {
            Sql.update(connection, "DELETE FROM room_tags WHERE user_id = ? AND room_id = ? AND tag = ?", user, room, tag);
        } else {
            Sql.update(connection, "INSERT INTO room_tags (user_id, room_id, tag, content) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (user_id, room_id, tag) DO UPDATE SET content = EXCLUDED.content",
                    user, room, tag, Json.encode(Map.of("order", Math.round(random.nextDouble() * 100) / 100.0)));
        }
        Sql.update(connection, "INSERT INTO room_tags_revisions (user_id, room_id, stream_id, instance_name) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (user_id, room_id) DO UPDATE "
                        + "SET stream_id = EXCLUDED.stream_id, instance_name = EXCLUDED.instance_name",
                user, room, context.storedId(), context.instanceName());
        context.wrote("tag_account_data", "room_tags_revisions");
    }
}
