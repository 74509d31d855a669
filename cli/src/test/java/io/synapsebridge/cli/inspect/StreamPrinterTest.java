package io.synapsebridge.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import org.junit.jupiter.api.Test;

class StreamPrinterTest {
    @Test
    void aResetPrintsAsThePositionAWorkerGetsAndTheNewRunFollows() {
        StreamPrinter printer = new StreamPrinter(SynapseVersion.V1_66.catalog(), Dialect.V1_22);
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("room_id", "!r:t");
        row.putArray("user_ids").add("@a:t");

        assertThat(printer.line(StreamRecord.row("typing", "master", 7, row)))
                .isEqualTo("RDATA typing master 7 [\"!r:t\",[\"@a:t\"]]");
        assertThat(printer.line(StreamRecord.position("typing", "master", 7))).isNull();
        assertThat(printer.line(StreamRecord.reset("typing", "master", 1, 0))).isEqualTo("POSITION typing master 0 0");
        assertThat(printer.line(StreamRecord.row("typing", "master", 1, row).inRun(1)))
                .isEqualTo("RDATA typing master 1 [\"!r:t\",[\"@a:t\"]]");
        assertThat(printer.line(StreamRecord.position("typing", "master", 4).inRun(1)))
                .isEqualTo("POSITION typing master 1 4");
    }
}
