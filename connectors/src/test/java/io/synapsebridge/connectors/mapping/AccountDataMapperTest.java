package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountDataMapperTest {
    private static final String USER = "@alice:test.local";
    private static final String ROOM = "!room1:test.local";

    private final AccountDataMapper mapper = new AccountDataMapper();
    private final RecordingSink sink = new RecordingSink();

    private void map(ChangeRow... changes) {
        for (ChangeRow change : changes) {
            mapper.map(change, sink);
        }
    }

    private static ChangeRow tag(String tag, String content) {
        return insert("room_tags", "user_id", USER, "room_id", ROOM, "tag", tag, "content", content);
    }

    private static ChangeRow revision(long streamId) {
        return insert("room_tags_revisions", "user_id", USER, "room_id", ROOM, "stream_id", streamId,
                "instance_name", null);
    }

    @Test
    void globalAccountDataHasNoRoom() {
        map(insert("account_data", "user_id", USER, "account_data_type", "m.direct", "stream_id", 5L,
                "content", "{}", "instance_name", "master"));

        assertThat(sink.placements()).containsExactly("account_data/master/5");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local","room_id":null,"data_type":"m.direct"}""");
    }

    @Test
    void roomAccountDataUpsertedToANewStreamIdIsANewRow() {
        map(update("room_account_data", "user_id", USER, "room_id", ROOM, "account_data_type", "m.fully_read",
                "stream_id", 6L, "content", "{\"event_id\":\"$e\"}", "instance_name", "account_data1"));

        assertThat(sink.placements()).containsExactly("account_data/account_data1/6");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local","room_id":"!room1:test.local","data_type":"m.fully_read"}""");
    }

    @Test
    void aTagChangeIsATagRowWithTheTagsOfTheTransactionAndNoAccountDataRowInV166() {
        map(tag("u.work", "{\"order\":0.5}"), revision(7));

        assertThat(sink.placements()).containsExactly("tag_account_data/master/7");
        assertRow(sink.rows.get(0), """
                {"user_id":"@alice:test.local","room_id":"!room1:test.local","data":{"u.work":{"order":0.5}}}""");
    }

    @Test
    void tagsWrittenAfterTheRevisionStillGoIntoItsMap() {
        map(revision(8), tag("m.favourite", "{}"), update("room_tags", "user_id", USER, "room_id", ROOM,
                "tag", "u.work", "content", "{\"order\":1}"));

        assertRow(sink.rows.get(0), """
                {"user_id":"@alice:test.local","room_id":"!room1:test.local",
                 "data":{"m.favourite":{},"u.work":{"order":1}}}""");
    }

    @Test
    void aRemovalAloneGivesAnEmptyMapWithoutALookup() {
        map(update("room_tags_revisions", "user_id", USER, "room_id", ROOM, "stream_id", 9L));

        assertThat(sink.rows.get(0).row().get("data").isObject()).isTrue();
        assertThat(sink.rows.get(0).row().get("data").isEmpty()).isTrue();
    }

    @Test
    void theLookupGivesTheRoomsFullTagMap() {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.putObject("m.lowpriority");
        stored.putObject("u.work").put("order", 0.5);
        AccountDataMapper withLookup = new AccountDataMapper((user, room) -> Optional.of(stored.deepCopy()));

        withLookup.map(tag("u.work", "{\"order\":0.5}"), sink);
        withLookup.map(revision(10), sink);

        assertRow(sink.rows.get(0), """
                {"user_id":"@alice:test.local","room_id":"!room1:test.local",
                 "data":{"u.work":{"order":0.5},"m.lowpriority":{}}}""");
    }

    @Test
    void endTransactionForgetsTheTagsOfTheTransaction() {
        map(tag("u.work", "{}"));
        mapper.endTransaction();
        map(revision(11));

        assertThat(sink.rows.get(0).row().get("data").isEmpty()).isTrue();
    }

    @Test
    void tagsOfAnotherRoomStayOutOfTheMap() {
        map(insert("room_tags", "user_id", USER, "room_id", "!other:test.local", "tag", "u.x", "content", "{}"),
                revision(12));

        assertThat(sink.rows.get(0).row().get("data").isEmpty()).isTrue();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> map(tag("u.work", "not json")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("room_tags.content");
        assertThatThrownBy(() -> map(tag("u.work", "[1]")))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("room_tags.content");
        assertThatThrownBy(() -> map(insert("account_data", "user_id", USER, "stream_id", 5L)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("account_data.account_data_type");
        assertThatThrownBy(() -> map(insert("room_account_data", "user_id", USER, "room_id", ROOM,
                "account_data_type", "m.x", "stream_id", 1.5)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("room_account_data.stream_id");
        assertThatThrownBy(() -> map(insert("room_tags_revisions", "user_id", USER, "stream_id", 5L)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("room_tags_revisions.room_id");
        assertThat(sink.rows).isEmpty();
    }
}
