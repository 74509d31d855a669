package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Events stream rows. A new event goes into {@code events} and the tables joined into its "ev" row
 * (state_events, room_memberships, event_relations, redactions, rejections); a state event that changes current
 * state also gets a {@code current_state_delta_stream} row at the same stream ordering and a {@code cs_cache_fake}
 * invalidation in the same transaction. Some writes de-outlier an earlier outlier via {@code ex_outlier_stream}.
 */
public final class EventRows implements RowWriter {
    private final boolean backfill;

    private EventRows(boolean backfill) {
        this.backfill = backfill;
    }

    public static EventRows live() {
        return new EventRows(false);
    }

    /** Backfilled events: negative stream ordering, no change to current state. */
    public static EventRows backfilled() {
        return new EventRows(true);
    }

    @Override
    public void write(WriteContext context) throws SQLException {
        if (!backfill && context.random().nextInt(100) < 8 && deOutlier(context)) {
            return;
        }
        newEvent(context);
    }

    private boolean deOutlier(WriteContext context) throws SQLException {
        var outlier = context.population().takeOutlier();
        if (outlier.isEmpty()) {
            return false;
        }
        String eventId = outlier.get()[0];
        int updated = Sql.update(context.connection(),
                "UPDATE events SET outlier = false WHERE event_id = ? AND outlier", eventId);
        if (updated == 0) {
            return false;
        }
        Sql.update(context.connection(), "INSERT INTO ex_outlier_stream "
                        + "(event_stream_ordering, event_id, state_group, instance_name) VALUES (?, ?, ?, ?)",
                context.storedId(), eventId, context.random().nextLong(1, 1_000_000), context.instanceName());
        context.wrote("events", "ex_outlier_stream");
        return true;
    }

    private void newEvent(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        var connection = context.connection();
        String room = population.room(random);
        String sender = population.user(random);
        String eventId = population.newEventId(random);
        int pick = random.nextInt(100);
        String type;
        String stateKey = null;
        String membership = null;
        if (pick < 55) {
            type = "m.room.message";
        } else if (pick < 65) {
            type = "m.reaction";
        } else if (pick < 70) {
            type = "m.room.redaction";
        } else if (pick < 90) {
            type = "m.room.member";
            stateKey = random.nextInt(4) == 0 ? population.remoteUser(random) : sender;
            membership = List.of("join", "join", "leave", "invite", "ban", "knock").get(random.nextInt(6));
        } else {
            type = random.nextBoolean() ? "m.room.topic" : "m.room.name";
            stateKey = "";
        }
        boolean outlier = !backfill && stateKey != null && random.nextInt(100) < 10;
        boolean rejected = random.nextInt(100) < 2;
        long now = System.currentTimeMillis();
        long depth = backfill ? random.nextLong(1, 1000) : 1000 + Math.abs(context.storedId());

        Sql.update(connection, "INSERT INTO events (topological_ordering, event_id, type, room_id, processed, outlier, "
                        + "depth, origin_server_ts, received_ts, sender, contains_url, instance_name, stream_ordering, "
                        + "state_key, rejection_reason) VALUES (?, ?, ?, ?, true, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)",
                depth, eventId, type, room, outlier, depth, now - random.nextInt(500), now, sender,
                context.instanceName(), context.storedId(), stateKey, rejected ? "auth_error" : null);
        context.wrote(backfill ? "backfill" : "events", "events");

        if (rejected) {
            Sql.update(connection, "INSERT INTO rejections (event_id, reason, last_check) VALUES (?, ?, ?)",
                    eventId, "auth_error", Instant.ofEpochMilli(now).toString());
        }
        if (stateKey != null) {
            Sql.update(connection, "INSERT INTO state_events (event_id, room_id, type, state_key) VALUES (?, ?, ?, ?)",
                    eventId, room, type, stateKey);
        }
        if (membership != null) {
            Sql.update(connection, "INSERT INTO room_memberships (event_id, user_id, sender, room_id, membership, "
                    + "forgotten, display_name) VALUES (?, ?, ?, ?, ?, 0, ?)",
                    eventId, stateKey, sender, room, membership, stateKey.substring(1, stateKey.indexOf(':')));
        }
        relate(context, eventId, room, type);

        if (outlier) {
            population.rememberOutlier(eventId, room);
        } else {
            if (stateKey != null && !rejected && !backfill) {
                changeCurrentState(context, room, type, stateKey, eventId, membership != null ? stateKey : null);
            }
            population.remember(room, eventId);
        }
    }

    private void relate(WriteContext context, String eventId, String room, String type) throws SQLException {
        if (!type.equals("m.reaction") && !type.equals("m.room.redaction")) {
            return;
        }
        var target = context.population().recentEvent(room, context.random());
        String targetId = target.orElseGet(() -> context.population().newEventId(context.random()));
        if (type.equals("m.reaction")) {
            String key = List.of("👍", "🎉", "+1").get(context.random().nextInt(3));
            Sql.update(context.connection(), "INSERT INTO event_relations (event_id, relates_to_id, relation_type, "
                    + "aggregation_key) VALUES (?, ?, 'm.annotation', ?)", eventId, targetId, key);
        } else {
            Sql.update(context.connection(), "INSERT INTO redactions (event_id, redacts, have_censored, received_ts) "
                    + "VALUES (?, ?, false, ?)", eventId, targetId, System.currentTimeMillis());
        }
    }

    private void changeCurrentState(WriteContext context, String room, String type, String stateKey, String eventId,
                                    String member) throws SQLException {
        Sql.update(context.connection(), "INSERT INTO current_state_delta_stream "
                        + "(stream_id, room_id, type, state_key, event_id, prev_event_id, instance_name) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                context.storedId(), room, type, stateKey, eventId,
                context.population().recentEvent(room, context.random()).orElse(null), context.instanceName());
        context.wrote("events", "current_state_delta_stream");
        CacheInvalidations.currentStateChanged(context, room, member == null ? List.of() : List.of(member));
    }
}
