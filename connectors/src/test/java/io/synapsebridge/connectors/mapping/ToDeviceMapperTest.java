package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToDeviceMapperTest {
    private final ToDeviceMapper mapper = new ToDeviceMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow inbox(String device, long streamId) {
        return insert("device_inbox", "user_id", "@alice:test.local", "device_id", device, "stream_id", streamId,
                "message_json", "{}", "instance_name", "master");
    }

    @Test
    void aLocalUsersMessagesAreOneRowPerToken() {
        mapper.map(inbox("DEVICEA", 40), sink);
        mapper.map(inbox("DEVICEB", 40), sink);

        assertThat(sink.placements()).containsExactly("to_device/master/40");
        assertRow(sink.only(), """
                {"entity":"@alice:test.local"}""");
    }

    @Test
    void theSameEntityInALaterTransactionIsANewRow() {
        mapper.map(inbox("DEVICEA", 40), sink);
        mapper.endTransaction();
        mapper.map(inbox("DEVICEA", 40), sink);
        mapper.map(inbox("DEVICEA", 41), sink);

        assertThat(sink.placements()).containsExactly("to_device/master/40", "to_device/master/40",
                "to_device/master/41");
    }

    @Test
    void aRemoteServersQueueNamesTheServer() {
        mapper.map(insert("device_federation_outbox", "destination", "remote.example.org", "stream_id", 42L,
                "queued_ts", 1700L, "messages_json", "{}", "instance_name", null), sink);

        assertThat(sink.placements()).containsExactly("to_device/master/42");
        assertRow(sink.only(), """
                {"entity":"remote.example.org"}""");
    }

    @Test
    void updatesAreNotStreamRows() {
        mapper.map(update("device_inbox", "user_id", "@alice:test.local", "stream_id", 40L), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(insert("device_federation_outbox", "stream_id", 42L), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("device_federation_outbox.destination");
        assertThatThrownBy(() -> mapper.map(insert("device_inbox", "user_id", "@a:b", "stream_id", null), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("device_inbox.stream_id");
    }
}
