package io.synapsebridge.connectors.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryStreamCaptureTest {
    private final List<StreamRecord> published = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final MemoryStreamCapture capture = new MemoryStreamCapture(Set.of("typing"),
            List.of(StreamRecord.position("typing", "master", 4)), null, published::addAll,
            new MemoryStreamCapture.Counters() {
                @Override
                public void duplicateDropped(String stream) {
                }

                @Override
                public void rowRefused(String stream) {
                    refused.add(stream);
                }
            });

    private static RdataCommand rdata(String line) {
        return (RdataCommand) Dialect.V1_22.parse(line);
    }

    @Test
    void publishesWellFormedRowsAndCountsTheOthersWithoutStopping() throws Exception {
        assertThat(capture.captures("typing")).isTrue();
        assertThat(capture.captures("events")).isFalse();
        capture.connected();
        capture.position((PositionCommand) Dialect.V1_22.parse("POSITION typing master 4 4"));
        capture.rdata(rdata("RDATA typing master 5 [\"!r:t\",\"@a:t\"]"));
        capture.rdata(rdata("RDATA typing master 6 {\"room_id\":\"!r:t\"}"));
        capture.rdata(rdata("RDATA typing master 7 [\"!r:t\",[\"@a:t\"]]"));

        assertThat(refused).containsExactly("typing", "typing");
        assertThat(published).extracting(StreamRecord::token).containsExactly(7L);
        assertThat(published.get(0).row().toString()).isEqualTo("{\"room_id\":\"!r:t\",\"user_ids\":[\"@a:t\"]}");
    }
}
