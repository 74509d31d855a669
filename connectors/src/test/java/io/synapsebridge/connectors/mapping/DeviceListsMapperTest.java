package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceListsMapperTest {
    private final DeviceListsMapper mapper = new DeviceListsMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow poke(String destination, long streamId) {
        return insert("device_lists_outbound_pokes", "destination", destination, "stream_id", streamId,
                "user_id", "@alice:test.local", "device_id", "ABCDEFGHIJ", "sent", false, "ts", 1700L,
                "opentracing_context", "{}");
    }

    @Test
    void aLocalDeviceChangeNamesTheUser() {
        mapper.map(insert("device_lists_stream", "stream_id", 21L, "user_id", "@alice:test.local",
                "device_id", "ABCDEFGHIJ"), sink);

        assertThat(sink.placements()).containsExactly("device_lists/master/21");
        assertRow(sink.only(), """
                {"entity":"@alice:test.local","is_signature":false,"hosts_calculated":false}""");
    }

    @Test
    void anOutboundPokeNamesTheDestinationAsV166Did() {
        mapper.map(poke("remote.example.org", 22), sink);
        mapper.map(poke("matrix.example.net", 23), sink);

        assertThat(sink.placements()).containsExactly("device_lists/master/22", "device_lists/master/23");
        assertRow(sink.rows.get(0), """
                {"entity":"remote.example.org","is_signature":false,"hosts_calculated":true}""");
    }

    @Test
    void aSignatureIsARowOfTheUserSignatureStream() {
        mapper.map(insert("user_signature_stream", "stream_id", 24L, "from_user_id", "@alice:test.local",
                "user_ids", "[\"@bob:test.local\"]"), sink);

        assertThat(sink.placements()).containsExactly("user_signature/master/24");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local"}""");
    }

    @Test
    void pokesMarkedSentAreNoStreamRows() {
        mapper.map(update("device_lists_outbound_pokes", "destination", "remote.example.org", "stream_id", 22L,
                "user_id", "@alice:test.local", "device_id", "ABCDEFGHIJ", "sent", true, "ts", 1700L), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void roomFanOutIsNotRead() {
        assertThat(mapper.tables()).doesNotContain("device_lists_changes_in_room");
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(insert("device_lists_outbound_pokes", "stream_id", 22L), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("device_lists_outbound_pokes.destination");
        assertThatThrownBy(() -> mapper.map(insert("user_signature_stream", "stream_id", "24",
                "from_user_id", "@a:b"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("user_signature_stream.stream_id");
    }
}
