package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.Changes.without;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushersMapperTest {
    private final PushersMapper mapper = new PushersMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow pusher(long id) {
        return insert("pushers", "id", id, "user_name", "@alice:test.local", "access_token", null,
                "profile_tag", "", "kind", "http", "app_id", "im.vector.app.android", "app_display_name", "Element",
                "device_display_name", "Phone", "pushkey", "pk-1", "ts", 1700L, "lang", "en", "data", "{}",
                "last_stream_ordering", 99L, "last_success", null, "failing_since", null);
    }

    @Test
    void anAddedOrReKeyedPusherIsARowAtItsId() {
        mapper.map(pusher(17), sink);

        assertThat(sink.placements()).containsExactly("pushers/master/17");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local","app_id":"im.vector.app.android","pushkey":"pk-1","deleted":false}""");
    }

    @Test
    void aDeletedPusherIsARowAtItsStreamId() {
        mapper.map(insert("deleted_pushers", "stream_id", 18L, "app_id", "im.vector.app.android",
                "pushkey", "pk-1", "user_id", "@alice:test.local"), sink);

        assertThat(sink.placements()).containsExactly("pushers/master/18");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local","app_id":"im.vector.app.android","pushkey":"pk-1","deleted":true}""");
    }

    @Test
    void anUpdateKeepingTheIdIsNoStreamRow() {
        // e.g. Synapse recording how far it has pushed
        mapper.map(update("pushers", "id", 17L, "user_name", "@alice:test.local", "app_id", "a", "pushkey", "p",
                "last_stream_ordering", 150L, "last_success", 1800L), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(without(pusher(17), "user_name"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("pushers.user_name");
        assertThatThrownBy(() -> mapper.map(insert("deleted_pushers", "stream_id", 18L, "app_id", "a",
                "user_id", "@a:b"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("deleted_pushers.pushkey");
    }
}
