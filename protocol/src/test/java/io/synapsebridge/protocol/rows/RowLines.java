package io.synapsebridge.protocol.rows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.json.SynapseJson;
import io.synapsebridge.contract.StreamRecord;

/** Builds the RDATA line a topic record becomes, the way the server will. */
final class RowLines {
    private RowLines() {
    }

    static ObjectNode row(String json) {
        return (ObjectNode) SynapseJson.decode(json);
    }

    /** {@code token} is a number or {@code batch}. */
    static String rdata(SynapseVersion version, String stream, String token, String namedRowJson) {
        boolean batch = token.equals("batch");
        StreamRecord record = StreamRecord.row(stream, "master", batch ? 1 : Long.parseLong(token), row(namedRowJson));
        ArrayNode wire = version.catalog().encodeRow(record);
        // The streaming path writes the same text as the tree path.
        assertThat(version.catalog().rowJson(stream, NamedFields.of(record.row())))
                .isEqualTo(SynapseJson.encode(wire));
        // So does the verbatim path, for a row whose values all go on the wire as read.
        RawFields raw = RawRows.of(namedRowJson);
        String verbatim = raw == null ? null : version.catalog().verbatimRowJson(stream, raw, new VerbatimJson());
        if (verbatim != null) {
            assertThat(verbatim).isEqualTo(SynapseJson.encode(wire));
        }
        RdataCommand command = batch
                ? RdataCommand.batch(stream, record.instance(), wire)
                : RdataCommand.of(stream, record.instance(), record.token(), wire);
        return Dialect.V1_22.format(command);
    }
}
