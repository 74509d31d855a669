package io.synapsebridge.sim.rows;

import io.synapsebridge.sim.id.Stream;
import java.sql.SQLException;
import java.util.Map;

/**
 * Pushers: adding or updating one moves its row to the new stream id; deleting one removes the row and records
 * the deletion in {@code deleted_pushers}.
 */
public final class PusherRows implements RowWriter {
    private static final String APP_ID = "im.vector.app.android";

    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        String user = context.population().user(random);
        String pushkey = "pk-" + Integer.toHexString(user.hashCode()) + "-" + random.nextInt(2);
        if (random.nextInt(4) == 0) {
            Sql.update(context.connection(), "DELETE FROM pushers WHERE app_id = ? AND pushkey = ? AND user_name = ?",
                    APP_ID, pushkey, user);
            Sql.update(context.connection(), "INSERT INTO deleted_pushers (stream_id, app_id, pushkey, user_id) "
                    + "VALUES (?, ?, ?, ?)", context.storedId(), APP_ID, pushkey, user);
            context.wrote("pushers", "deleted_pushers");
            return;
        }
        String data = Json.encode(Map.of("url", "https://push.example.org/_matrix/push/v1/notify",
                "format", "event_id_only"));
        Sql.update(context.connection(), "INSERT INTO pushers (id, user_name, access_token, profile_tag, kind, app_id, "
                        + "app_display_name, device_display_name, pushkey, ts, lang, data, last_stream_ordering) "
                        + "VALUES (?, ?, NULL, '', 'http', ?, 'Element', 'Phone', ?, ?, 'en', ?, ?) "
                        + "ON CONFLICT (app_id, pushkey, user_name) DO UPDATE SET id = EXCLUDED.id, ts = EXCLUDED.ts, "
                        + "data = EXCLUDED.data, last_stream_ordering = EXCLUDED.last_stream_ordering",
                context.storedId(), user, APP_ID, pushkey, System.currentTimeMillis(), data,
                context.currentToken(Stream.EVENTS));
        context.wrote("pushers", "pushers");
    }
}
