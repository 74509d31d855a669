package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code events} and {@code backfill}: the tables Synapse v1.66 reads for both streams.
 *
 * <ul>
 *   <li>A new {@code events} row with a positive stream ordering is an {@code ev} row of the events stream at that
 *       token; with a negative one (backfilled) it is a backfill row at the negated token.</li>
 *   <li>{@code state_events}, {@code redactions}, {@code event_relations}, {@code room_memberships} and
 *       {@code rejections} fill in fields of the rows of their event made in the same transaction (Synapse joins
 *       them in); rows about other events are ignored.</li>
 *   <li>{@code current_state_delta_stream}: a {@code state} row at its stream id.</li>
 *   <li>{@code ex_outlier_stream}: an {@code ev} (or backfill) row for an event that stopped being an outlier, at
 *       the new stream ordering. Synapse updates the {@code events} row in the same transaction, which gives the
 *       room, type, state key and rejection; the joined tables were written when the outlier was stored, so
 *       redacts, relates_to and membership come only from the {@link EventLookup}, or stay null.</li>
 * </ul>
 * Other updates of these tables (an outlier flip seen alone, a redaction being censored, a membership forgotten)
 * are not stream rows.
 */
public final class EventsMapper implements TableMapper {
    private final EventLookup lookup;
    /** The events the current transaction touched, by event id. */
    private final Map<String, PendingEvent> pending = new HashMap<>();

    public EventsMapper() {
        this(EventLookup.NONE);
    }

    public EventsMapper(EventLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Set<String> tables() {
        return Set.of("events", "state_events", "redactions", "event_relations", "room_memberships", "rejections",
                "current_state_delta_stream", "ex_outlier_stream");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        switch (change.table()) {
            case "events" -> event(change, sink);
            case "ex_outlier_stream" -> exOutlier(change, sink);
            case "current_state_delta_stream" -> stateDelta(change, sink);
            case "state_events" -> pendingEvent(change).learn("state_key", change.text("state_key"));
            case "redactions" -> pendingEvent(change).learn("redacts", change.text("redacts"));
            case "event_relations" -> pendingEvent(change).learn("relates_to", change.text("relates_to_id"));
            case "room_memberships" -> pendingEvent(change).learn("membership", change.text("membership"));
            case "rejections" -> {
                // Synapse reads "rejected" as "reason IS NOT NULL".
                if (change.textOrNull("reason") != null) {
                    pendingEvent(change).learnRejected();
                }
            }
            default -> throw new InvalidChangeException(change.table() + " is not a table of the events stream");
        }
    }

    @Override
    public void endTransaction() {
        pending.clear();
    }

    private void event(ChangeRow change, MappingSink sink) {
        PendingEvent event = pendingEvent(change);
        // Synapse keeps the state key and the rejection in the events row too (denormalised in the same write).
        event.learn("room_id", change.text("room_id"));
        event.learn("type", change.text("type"));
        event.learn("state_key", change.textOrNull("state_key"));
        if (change.textOrNull("rejection_reason") != null) {
            event.learnRejected();
        }
        if (change.operation() == ChangeRow.Operation.INSERT) {
            long streamOrdering = change.integer("stream_ordering");
            emit(change, sink, event, change.text("event_id"), streamOrdering, change.bool("outlier"));
        }
    }

    private void exOutlier(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        String eventId = change.text("event_id");
        long streamOrdering = change.integer("event_stream_ordering");
        PendingEvent event = pendingEvent(change);
        lookup.find(eventId).ifPresent(stored -> learn(event, stored));
        emit(change, sink, event, eventId, streamOrdering, false);
    }

    private void stateDelta(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        ObjectNode row = Rows.object()
                .put("kind", "state")
                .put("room_id", change.text("room_id"))
                .put("type", change.text("type"))
                .put("state_key", change.text("state_key"))
                .put("event_id", change.textOrNull("event_id"));
        sink.row(new CapturedRow("events", change.instance(), change.integer("stream_id"), row, change.source()));
    }

    /** An ev row (positive stream ordering) or a backfill row (negative; the wire token is its negation). */
    private static void emit(ChangeRow change, MappingSink sink, PendingEvent event, String eventId,
                             long streamOrdering, boolean outlier) {
        if (streamOrdering == 0) {
            throw new InvalidChangeException(change.table() + " row of " + eventId + " has stream ordering 0");
        }
        boolean live = streamOrdering > 0;
        ObjectNode row = live ? evRow(eventId, outlier) : backfillRow(eventId);
        event.add(row);
        sink.row(new CapturedRow(live ? "events" : "backfill", change.instance(),
                live ? streamOrdering : -streamOrdering, row, change.source()));
    }

    private static ObjectNode evRow(String eventId, boolean outlier) {
        ObjectNode row = Rows.object().put("kind", "ev").put("event_id", eventId);
        row.putNull("room_id");
        row.putNull("type");
        row.putNull("state_key");
        row.putNull("redacts");
        row.putNull("relates_to");
        row.putNull("membership");
        return row.put("rejected", false).put("outlier", outlier);
    }

    private static ObjectNode backfillRow(String eventId) {
        ObjectNode row = Rows.object().put("event_id", eventId);
        row.putNull("room_id");
        row.putNull("type");
        row.putNull("state_key");
        row.putNull("redacts");
        row.putNull("relates_to");
        return row;
    }

    private static void learn(PendingEvent event, EventLookup.StoredEvent stored) {
        event.learn("room_id", stored.roomId());
        event.learn("type", stored.type());
        event.learn("state_key", stored.stateKey());
        event.learn("redacts", stored.redacts());
        event.learn("relates_to", stored.relatesTo());
        event.learn("membership", stored.membership());
        if (stored.rejected()) {
            event.learnRejected();
        }
    }

    private PendingEvent pendingEvent(ChangeRow change) {
        return pending.computeIfAbsent(change.text("event_id"), id -> new PendingEvent());
    }
}
