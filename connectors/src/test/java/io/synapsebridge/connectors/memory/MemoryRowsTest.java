package io.synapsebridge.connectors.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "typing|[\"!r:x\",[\"@a:x\",\"@b:x\"]]|{\"room_id\":\"!r:x\",\"user_ids\":[\"@a:x\",\"@b:x\"]}",
        "typing|[\"!r:x\",[]]|{\"room_id\":\"!r:x\",\"user_ids\":[]}",
        "presence_federation|[\"b.example\",\"@a:x\"]|{\"destination\":\"b.example\",\"user_id\":\"@a:x\"}",
        "federation|[\"e\",{\"edu_type\":\"m.typing\"}]|{\"type\":\"e\",\"data\":{\"edu_type\":\"m.typing\"}}",
    })
    void positionalRowsGetTheTopicsFieldNames(String stream, String positional, String named) throws Exception {
        assertThat(MemoryRows.named(stream, json(positional))).isEqualTo(json(named));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "typing|[\"!r:x\"]|typing row must be an array of 2 fields",
        "typing|{\"room_id\":\"!r:x\"}|typing row must be an array of 2 fields",
        "typing|[\"!r:x\",[\"@a:x\",1]]|typing field user_ids must be string array",
        "typing|[1,[]]|typing field room_id must be string",
        "federation|[\"e\",\"text\"]|federation field data must be object",
        "events|[\"ev\",[]]|'events' is not an in-memory stream",
    })
    void rowsOfTheWrongShapeAreRefusedWithTheReason(String stream, String positional, String reason) {
        assertThatThrownBy(() -> MemoryRows.named(stream, json(positional)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
