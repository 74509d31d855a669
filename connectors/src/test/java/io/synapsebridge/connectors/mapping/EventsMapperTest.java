package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.Changes.with;
import static io.synapsebridge.connectors.mapping.Changes.without;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventsMapperTest {
    private static final String ROOM = "!room1:test.local";

    private final EventsMapper mapper = new EventsMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow event(String eventId, String type, String stateKey, long streamOrdering) {
        return insert("events", "topological_ordering", 1012L, "event_id", eventId, "type", type, "room_id", ROOM,
                "content", null, "processed", true, "outlier", false, "depth", 1012L, "origin_server_ts", 1700L,
                "received_ts", 1701L, "sender", "@alice:test.local", "contains_url", false, "instance_name", "master",
                "stream_ordering", streamOrdering, "state_key", stateKey, "rejection_reason", null);
    }

    private static ChangeRow exOutlier(String eventId, long streamOrdering, String instance) {
        return insert("ex_outlier_stream", "event_stream_ordering", streamOrdering, "event_id", eventId,
                "state_group", 5L, "instance_name", instance);
    }

    /** The events row Synapse updates when it de-outliers an event (its old stream ordering stays). */
    private static ChangeRow updateOfEvents(String eventId, String type, String stateKey) {
        return update("events", "topological_ordering", 5L, "event_id", eventId, "type", type, "room_id", ROOM,
                "processed", true, "outlier", false, "depth", 5L, "instance_name", "master",
                "stream_ordering", 40L, "state_key", stateKey, "rejection_reason", null);
    }

    private void map(ChangeRow... changes) {
        for (ChangeRow change : changes) {
            mapper.map(change, sink);
        }
    }

    @Test
    void aMessageIsAnEvRowAtItsStreamOrdering() {
        map(event("$msg", "m.room.message", null, 12));

        assertThat(sink.placements()).containsExactly("events/master/12");
        assertRow(sink.only(), """
                {"kind":"ev","event_id":"$msg","room_id":"!room1:test.local","type":"m.room.message",
                 "state_key":null,"redacts":null,"relates_to":null,"membership":null,"rejected":false,
                 "outlier":false}""");
    }

    @Test
    void theJoinedTablesWrittenAfterTheEventFillInItsRow() {
        map(event("$join", "m.room.member", "@bob:test.local", 13),
                insert("state_events", "event_id", "$join", "room_id", ROOM, "type", "m.room.member",
                        "state_key", "@bob:test.local", "prev_state", null),
                insert("room_memberships", "event_id", "$join", "user_id", "@bob:test.local",
                        "sender", "@bob:test.local", "room_id", ROOM, "membership", "join", "forgotten", 0,
                        "display_name", "bob", "avatar_url", null),
                insert("current_state_delta_stream", "stream_id", 13L, "room_id", ROOM, "type", "m.room.member",
                        "state_key", "@bob:test.local", "event_id", "$join", "prev_event_id", null,
                        "instance_name", "master"));

        assertThat(sink.placements()).containsExactly("events/master/13", "events/master/13");
        assertRow(sink.rows.get(0), """
                {"kind":"ev","event_id":"$join","room_id":"!room1:test.local","type":"m.room.member",
                 "state_key":"@bob:test.local","redacts":null,"relates_to":null,"membership":"join",
                 "rejected":false,"outlier":false}""");
        assertRow(sink.rows.get(1), """
                {"kind":"state","room_id":"!room1:test.local","type":"m.room.member","state_key":"@bob:test.local",
                 "event_id":"$join"}""");
    }

    @Test
    void redactionsRelationsAndRejectionsFillInTheirFields() {
        map(event("$redaction", "m.room.redaction", null, 20),
                event("$reaction", "m.reaction", null, 21),
                event("$bad", "m.room.message", null, 22),
                insert("redactions", "event_id", "$redaction", "redacts", "$target", "have_censored", false,
                        "received_ts", 1700L),
                insert("event_relations", "event_id", "$reaction", "relates_to_id", "$target",
                        "relation_type", "m.annotation", "aggregation_key", "👍"),
                insert("rejections", "event_id", "$bad", "reason", "auth_error", "last_check", "now"));

        assertThat(sink.rows.get(0).row().get("redacts").asText()).isEqualTo("$target");
        assertThat(sink.rows.get(0).row().get("relates_to").isNull()).isTrue();
        assertThat(sink.rows.get(1).row().get("relates_to").asText()).isEqualTo("$target");
        assertThat(sink.rows.get(1).row().get("redacts").isNull()).isTrue();
        assertThat(sink.rows.get(2).row().get("rejected").asBoolean()).isTrue();
        assertThat(sink.rows.get(0).row().get("rejected").asBoolean()).isFalse();
    }

    @Test
    void theEventsRowItselfCarriesStateKeyAndRejection() {
        map(with(event("$topic", "m.room.topic", "", 30), "rejection_reason", "auth_error"));

        assertThat(sink.only().row().get("state_key").asText()).isEmpty();
        assertThat(sink.only().row().get("rejected").asBoolean()).isTrue();
    }

    @Test
    void aJoinedRowBeforeItsEventsRowInTheSameTransactionStillCounts() {
        map(insert("room_memberships", "event_id", "$early", "user_id", "@bob:test.local",
                        "sender", "@bob:test.local", "room_id", ROOM, "membership", "leave"),
                event("$early", "m.room.member", "@bob:test.local", 31));

        assertThat(sink.only().row().get("membership").asText()).isEqualTo("leave");
    }

    @Test
    void joinedRowsOfEventsOutsideTheTransactionAreIgnored() {
        map(event("$first", "m.room.member", "@bob:test.local", 14));
        mapper.endTransaction();

        // A later transaction: a membership for the earlier event, a redaction being censored.
        map(insert("room_memberships", "event_id", "$first", "user_id", "@bob:test.local",
                        "sender", "@bob:test.local", "room_id", ROOM, "membership", "ban"),
                update("redactions", "event_id", "$old", "redacts", "$x", "have_censored", true));

        assertThat(sink.only().row().get("membership").isNull()).isTrue();
        assertThat(sink.rows).hasSize(1);
    }

    @Test
    void aBackfilledEventIsABackfillRowAtTheNegatedToken() {
        map(with(event("$old", "m.room.member", "@carol:remote.org", -7), "instance_name", null),
                insert("state_events", "event_id", "$old", "room_id", ROOM, "type", "m.room.member",
                        "state_key", "@carol:remote.org"),
                insert("room_memberships", "event_id", "$old", "user_id", "@carol:remote.org",
                        "sender", "@carol:remote.org", "room_id", ROOM, "membership", "join"),
                insert("event_relations", "event_id", "$old", "relates_to_id", "$root",
                        "relation_type", "m.thread", "aggregation_key", null));

        assertThat(sink.placements()).containsExactly("backfill/master/7");
        assertRow(sink.only(), """
                {"event_id":"$old","room_id":"!room1:test.local","type":"m.room.member",
                 "state_key":"@carol:remote.org","redacts":null,"relates_to":"$root"}""");
    }

    @Test
    void aStateDeltaWithoutEventIdRemovesTheEntry() {
        map(insert("current_state_delta_stream", "stream_id", 50L, "room_id", ROOM, "type", "m.room.topic",
                "state_key", "", "event_id", null, "prev_event_id", "$prev", "instance_name", "event_persister1"));

        assertThat(sink.placements()).containsExactly("events/event_persister1/50");
        assertRow(sink.only(), """
                {"kind":"state","room_id":"!room1:test.local","type":"m.room.topic","state_key":"",
                 "event_id":null}""");
    }

    @Test
    void aDeOutlieredEventIsAnEvRowAtItsNewStreamOrderingFilledFromTheEventsUpdate() {
        // Synapse's order: the ex_outlier_stream row, then the events update.
        map(exOutlier("$outlier", 60, "master"), updateOfEvents("$outlier", "m.room.member", "@dan:remote.org"));

        assertThat(sink.placements()).containsExactly("events/master/60");
        assertRow(sink.only(), """
                {"kind":"ev","event_id":"$outlier","room_id":"!room1:test.local","type":"m.room.member",
                 "state_key":"@dan:remote.org","redacts":null,"relates_to":null,"membership":null,
                 "rejected":false,"outlier":false}""");
    }

    @Test
    void theEventsUpdateMayComeBeforeTheExOutlierRow() {
        map(updateOfEvents("$outlier", "m.room.name", ""), exOutlier("$outlier", 61, "master"));

        assertThat(sink.only().row().get("type").asText()).isEqualTo("m.room.name");
        assertThat(sink.only().row().get("state_key").asText()).isEmpty();
    }

    @Test
    void aDeOutlieredBackfilledEventIsABackfillRow() {
        map(exOutlier("$outlier", -9, "persister2"), updateOfEvents("$outlier", "m.room.create", ""));

        assertThat(sink.placements()).containsExactly("backfill/persister2/9");
        assertRow(sink.only(), """
                {"event_id":"$outlier","room_id":"!room1:test.local","type":"m.room.create","state_key":"",
                 "redacts":null,"relates_to":null}""");
    }

    @Test
    void aDeOutlieredEventTakesTheJoinedFieldsFromTheLookup() {
        EventsMapper withLookup = new EventsMapper(id -> Optional.of(new EventLookup.StoredEvent(ROOM,
                "m.room.member", "@dan:remote.org", null, null, "join", false)));

        withLookup.map(exOutlier("$outlier", 62, "master"), sink);

        assertRow(sink.only(), """
                {"kind":"ev","event_id":"$outlier","room_id":"!room1:test.local","type":"m.room.member",
                 "state_key":"@dan:remote.org","redacts":null,"relates_to":null,"membership":"join",
                 "rejected":false,"outlier":false}""");
    }

    @Test
    void aDeOutlieredEventKnownByNothingKeepsNulls() {
        map(exOutlier("$outlier", 63, null));

        assertThat(sink.placements()).containsExactly("events/master/63");
        assertRow(sink.only(), """
                {"kind":"ev","event_id":"$outlier","room_id":null,"type":null,"state_key":null,"redacts":null,
                 "relates_to":null,"membership":null,"rejected":false,"outlier":false}""");
    }

    @Test
    void updatesAreNotStreamRows() {
        map(updateOfEvents("$outlier", "m.room.message", null),
                update("current_state_delta_stream", "stream_id", 50L, "room_id", ROOM, "type", "m.room.topic",
                        "state_key", "", "event_id", "$e"),
                update("ex_outlier_stream", "event_stream_ordering", 60L, "event_id", "$e", "state_group", 6L));

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void anOutlierIsStreamedAsSuch() {
        map(with(event("$out", "m.room.member", "@eve:remote.org", 70), "outlier", 1));

        assertThat(sink.only().row().get("outlier").asBoolean()).isTrue();
    }

    @Test
    void endTransactionForgetsTheEventsOfTheTransaction() {
        map(event("$a", "m.room.redaction", null, 80));
        mapper.endTransaction();
        map(event("$b", "m.room.message", null, 81),
                insert("redactions", "event_id", "$a", "redacts", "$x"));

        assertThat(sink.rows.get(0).row().get("redacts").isNull()).isTrue();
        assertThat(sink.rows.get(1).row().get("redacts").isNull()).isTrue();
    }

    @Test
    void aMissingRequiredColumnIsInvalidAndNamed() {
        assertThatThrownBy(() -> map(without(event("$e", "m.room.message", null, 90), "room_id")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("events.room_id");
        assertThatThrownBy(() -> map(with(event("$e", "m.room.message", null, 90), "stream_ordering", null)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("events.stream_ordering");
        assertThatThrownBy(() -> map(insert("redactions", "event_id", "$e", "redacts", null)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("redactions.redacts");
        assertThatThrownBy(() -> map(insert("ex_outlier_stream", "event_id", "$e")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("ex_outlier_stream.event_stream_ordering");
        assertThat(sink.rows).isEmpty();
    }

    @Test
    void aWrongTypeIsInvalidAndNamed() {
        assertThatThrownBy(() -> map(with(event("$e", "m.room.message", null, 90), "stream_ordering", "90")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("events.stream_ordering");
        assertThatThrownBy(() -> map(with(event("$e", "m.room.message", null, 90), "outlier", "no")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("events.outlier");
        assertThatThrownBy(() -> map(insert("current_state_delta_stream", "stream_id", 1L, "room_id", 5,
                "type", "t", "state_key", "")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("current_state_delta_stream.room_id");
    }

    @Test
    void streamOrderingZeroIsInvalid() {
        assertThatThrownBy(() -> map(event("$e", "m.room.message", null, 0)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("stream ordering 0");
    }
}
