package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.Changes.with;
import static io.synapsebridge.connectors.mapping.Changes.without;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresenceMapperTest {
    private final PresenceMapper mapper = new PresenceMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow presence() {
        return insert("presence_stream", "stream_id", 42L, "user_id", "@alice:test.local", "state", "online",
                "last_active_ts", 1795344180766L, "last_federation_update_ts", 1795344180767L,
                "last_user_sync_ts", 1795344180733L, "status_msg", "hi", "currently_active", true,
                "instance_name", "presence1");
    }

    @Test
    void aPresenceRowCarriesTheWholeState() {
        mapper.map(presence(), sink);

        assertThat(sink.placements()).containsExactly("presence/presence1/42");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local","state":"online","last_active_ts":1795344180766,
                 "last_federation_update_ts":1795344180767,"last_user_sync_ts":1795344180733,
                 "status_msg":"hi","currently_active":true}""");
    }

    @Test
    void statusMessageMayBeNullAndBooleansMayBeIntegers() {
        mapper.map(with(with(presence(), "status_msg", null), "currently_active", 0), sink);

        assertThat(sink.only().row().get("status_msg").isNull()).isTrue();
        assertThat(sink.only().row().get("currently_active").asBoolean()).isFalse();
    }

    @Test
    void updatesAreNotStreamRows() {
        mapper.map(update("presence_stream", "stream_id", 42L, "user_id", "@alice:test.local"), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(without(presence(), "state"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("presence_stream.state");
        assertThatThrownBy(() -> mapper.map(with(presence(), "last_active_ts", "yesterday"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("presence_stream.last_active_ts");
        assertThatThrownBy(() -> mapper.map(with(presence(), "currently_active", 2), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("presence_stream.currently_active");
    }
}
