package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceiptsMapperTest {
    private final ReceiptsMapper mapper = new ReceiptsMapper();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void aReceiptAndItsReplacementAreRowsWithoutThread() {
        mapper.map(insert("receipts_linearized", "stream_id", 8L, "room_id", "!room1:test.local",
                "receipt_type", "m.read", "user_id", "@alice:test.local", "event_id", "$e",
                "data", "{\"ts\":1795343826991}", "instance_name", "master"), sink);
        mapper.map(update("receipts_linearized", "stream_id", 9L, "room_id", "!room1:test.local",
                "receipt_type", "m.read", "user_id", "@alice:test.local", "event_id", "$f",
                "data", "{\"ts\":1795343826999}", "instance_name", "master"), sink);

        assertThat(sink.placements()).containsExactly("receipts/master/8", "receipts/master/9");
        assertRow(sink.rows.get(0), """
                {"room_id":"!room1:test.local","receipt_type":"m.read","user_id":"@alice:test.local",
                 "event_id":"$e","thread_id":null,"data":{"ts":1795343826991}}""");
    }

    @Test
    void badDataIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(insert("receipts_linearized", "stream_id", 8L, "room_id", "!r",
                "receipt_type", "m.read", "user_id", "@a:b", "event_id", "$e", "data", "[]"), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("receipts_linearized.data");
    }
}
