package io.synapsebridge.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a mapper produced; rows stay the very objects the mapper handed over, as in the sequencer. */
final class RecordingSink implements MappingSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<CapturedRow> rows = new ArrayList<>();
    final List<String> frontiers = new ArrayList<>();

    @Override
    public void row(CapturedRow row) {
        rows.add(row);
    }

    @Override
    public void frontier(String stream, String instance, long token) {
        frontiers.add(stream + "/" + instance + "/" + token);
    }

    CapturedRow only() {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** "stream/instance/token", per row in the order produced. */
    List<String> placements() {
        return rows.stream().map(r -> r.stream() + "/" + r.instance() + "/" + r.token()).toList();
    }

    /** Asserts the row's named fields, values and order, against JSON text. */
    static void assertRow(CapturedRow row, String expectedJson) {
        try {
            assertThat(JSON.writeValueAsString(row.row()))
                    .isEqualTo(JSON.writeValueAsString(JSON.readTree(expectedJson)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
