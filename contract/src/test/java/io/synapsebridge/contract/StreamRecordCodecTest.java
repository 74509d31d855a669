package io.synapsebridge.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamRecordCodecTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamRecordCodec codec = new StreamRecordCodec(mapper);

    @Test
    void rowRecordRoundTripsInTheDocumentedShape() {
        ObjectNode row = mapper.createObjectNode().put("user_id", "@alice:test.local");
        byte[] bytes = codec.encode(StreamRecord.row("push_rules", "master", 42, row));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"row\",\"stream\":\"push_rules\",\"instance\":\"master\",\"token\":42,"
                        + "\"row\":{\"user_id\":\"@alice:test.local\"}}");
        assertThat(codec.decode(bytes)).isEqualTo(StreamRecord.row("push_rules", "master", 42, row));
    }

    @Test
    void positionRecordHasNoRow() {
        byte[] bytes = codec.encode(StreamRecord.position("events", "event_persister1", 130));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"event_persister1\",\"token\":130}");
        StreamRecord back = codec.decode(bytes);
        assertThat(back.isRow()).isFalse();
        assertThat(back.token()).isEqualTo(130);
    }

    @Test
    void resetRecordStartsARunAndMayBeBackAtZero() {
        byte[] bytes = codec.encode(StreamRecord.reset("typing", "master", 1, 0));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"reset\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":0,\"run\":1}");
        StreamRecord back = codec.decode(bytes);
        assertThat(back.isReset()).isTrue();
        assertThat(back.run()).isEqualTo(1);
        assertThat(back.token()).isZero();
    }

    @Test
    void recordsOfALaterRunCarryItAndRoundTrip() {
        ObjectNode row = mapper.createObjectNode().put("room_id", "!r:test.local");
        row.putArray("user_ids").add("@alice:test.local");
        StreamRecord record = StreamRecord.row("typing", "master", 3, row).inRun(2);
        byte[] bytes = codec.encode(record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"row\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":3,\"run\":2,"
                        + "\"row\":{\"room_id\":\"!r:test.local\",\"user_ids\":[\"@alice:test.local\"]}}");
        assertThat(codec.decode(bytes)).isEqualTo(record);
    }

    @Test
    void aWritersRecordsRiseInRunThenTokenOrder() {
        StreamRecord lateInFirstRun = StreamRecord.position("typing", "master", 90);
        StreamRecord earlyInSecondRun = StreamRecord.position("typing", "master", 2).inRun(1);

        assertThat(earlyInSecondRun.isAfter(0, 90)).isTrue();
        assertThat(lateInFirstRun.isAfter(1, 2)).isFalse();
        assertThat(earlyInSecondRun.isAfter(1, 1)).isTrue();
        assertThat(earlyInSecondRun.isAfter(1, 2)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"reset\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":0}|a reset record starts a run after the first",
        "{\"type\":\"reset\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":-1,\"run\":1}|a reset token must not be negative",
        "{\"type\":\"row\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":4,\"run\":\"1\",\"row\":{}}|field 'run' must be an integer",
        "{\"type\":\"row\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":4,\"run\":-2,\"row\":{}}|run must not be negative",
        "{\"type\":\"position\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":0,\"run\":1}|token must be positive",
    })
    void invalidResetsAndRunsAreRejectedWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> codec.decode(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|value is not JSON",
        "[1,2]|value is not a JSON object",
        "{\"type\":\"rows\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1}|unknown record type 'rows'",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1}|field 'row' must be an object",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":\"1\",\"row\":{}}|field 'token' must be an integer",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1.5,\"row\":{}}|field 'token' must be an integer",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"master\",\"token\":0}|token must be positive",
        "{\"type\":\"position\",\"stream\":\"Events\",\"instance\":\"master\",\"token\":3}|invalid stream name 'Events'",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"ma ster\",\"token\":3}|instance name may not contain whitespace",
        "{\"type\":\"position\",\"stream\":\"events\",\"token\":3}|field 'instance' must be a string",
    })
    void invalidValuesAreRejectedWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> codec.decode(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullValueIsRejected() {
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(InvalidRecordException.class)
                .hasMessage("record has no value");
        assertThatThrownBy(() -> codec.decode((ByteBuffer) null)).isInstanceOf(InvalidRecordException.class)
                .hasMessage("record has no value");
    }

    @Test
    void aValueIsDecodedInPlaceFromAnyPartOfABuffer() {
        StreamRecord record = StreamRecord.position("events", "master", 130);
        byte[] value = codec.encode(record);
        ByteBuffer framed = ByteBuffer.allocate(value.length + 8);
        framed.put(new byte[] {1, 2, 3, 4}).put(value).put(new byte[] {5, 6, 7, 8});
        framed.position(4).limit(4 + value.length);
        assertThat(codec.decode(framed.slice())).isEqualTo(record);
        assertThat(codec.decode(framed.asReadOnlyBuffer())).isEqualTo(record);
    }

    @Test
    void topicNamesFollowThePrefix() {
        StreamTopics topics = new StreamTopics("synapse");
        assertThat(topics.stream("events")).isEqualTo("synapse.stream.events");
        assertThat(topics.commands()).isEqualTo("synapse.commands");
        assertThat(topics.streamOf("synapse.stream.caches")).isEqualTo("caches");
        assertThat(topics.streamOf("other.stream.caches")).isNull();
        assertThatThrownBy(() -> new StreamTopics("bad prefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
