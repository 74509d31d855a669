package io.synapsebridge.adapter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.protocol.json.SynapseJson;
import io.synapsebridge.protocol.rows.NamedFields;
import io.synapsebridge.protocol.rows.RawFields;
import io.synapsebridge.protocol.rows.VerbatimJson;
import io.synapsebridge.protocol.rows.RowEncodingException;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming decoder gives what the contract's codec and the tree layout give, record for record. */
class RecordDecoderTest {
    private static final StreamCatalog CATALOG = SynapseVersion.V1_66.catalog();
    private final RecordDecoder decoder = new RecordDecoder(new RowLayout() {
        @Override
        public String rowJson(String stream, String instance, long token, NamedFields row) {
            try {
                return CATALOG.rowJson(stream, row);
            } catch (RowEncodingException e) {
                return null;
            }
        }

        @Override
        public String verbatimRowJson(String stream, RawFields row, VerbatimJson scratch) {
            return CATALOG.verbatimRowJson(stream, row, scratch);
        }
    });
    private final StreamRecordCodec codec = new StreamRecordCodec();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":7,\"row\":{\"kind\":\"ev\",\"event_id\":\"$e\",\"room_id\":\"!r:t\",\"type\":\"m.room.message\",\"state_key\":null,\"redacts\":null,\"relates_to\":null,\"membership\":null,\"rejected\":false,\"outlier\":false}}",
        "{\"row\":{\"outlier\":false,\"rejected\":0,\"type\":\"m.room.member\",\"room_id\":\"!r:t\",\"state_key\":\"@a:t\",\"event_id\":\"$e\",\"kind\":\"ev\",\"membership\":\"join\"},\"token\":8,\"instance\":\"persister1\",\"stream\":\"events\",\"type\":\"row\"}",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":9,\"row\":{\"kind\":\"state\",\"room_id\":\"!r:t\",\"type\":\"m.room.member\",\"state_key\":\"@a:t\",\"event_id\":null}}",
        "{\"type\":\"row\",\"stream\":\"receipts\",\"instance\":\"master\",\"token\":11,\"row\":{\"room_id\":\"!r:t\",\"receipt_type\":\"m.read\",\"user_id\":\"@a:t\",\"event_id\":\"$e\",\"thread_id\":null,\"data\":{\"ts\":1795343826991,\"x\":[1.5,\"\\u00e9\"]}}}",
        "{\"type\":\"row\",\"stream\":\"caches\",\"instance\":\"master\",\"token\":12,\"row\":{\"cache_func\":\"f\",\"keys\":[\"a\",\"b\"],\"invalidation_ts\":12345678901234}}",
        "{\"type\":\"row\",\"stream\":\"caches\",\"instance\":\"master\",\"token\":13,\"row\":{\"cache_func\":\"f\",\"keys\":null,\"invalidation_ts\":1}}",
        "{\"type\":\"row\",\"stream\":\"tag_account_data\",\"instance\":\"master\",\"token\":14,\"row\":{\"user_id\":\"@a:t\",\"room_id\":\"!r:t\",\"data\":{\"u.work\":{\"order\":0.5}}}}",
        "{\"type\":\"row\",\"stream\":\"presence\",\"instance\":\"master\",\"token\":15,\"row\":{\"user_id\":\"@zo\\u00eb:t\",\"state\":\"online\",\"last_active_ts\":1,\"last_federation_update_ts\":2,\"last_user_sync_ts\":3,\"status_msg\":\"\\ud83c\\udf89\",\"currently_active\":true,\"extra\":{\"ignored\":[1,2]}}}",
        "{\"type\":\"row\",\"stream\":\"push_rules\",\"instance\":\"master\",\"token\":16,\"row\":{\"user_id\":\"@first:t\",\"user_id\":\"@last:t\"}}",
        "{\"type\":\"row\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":17,\"row\":{\"room_id\":\"!r:t\",\"user_ids\":[\"@a:t\",7]}}",
        "{\"type\":\"row\",\"stream\":\"presence\",\"instance\":\"master\",\"token\":18,\"row\":{\"user_id\":\"@a:t\",\"state\":\"online\",\"last_active_ts\":1.5,\"last_federation_update_ts\":1,\"last_user_sync_ts\":1,\"currently_active\":true}}",
        "{\"type\":\"row\",\"stream\":\"pushers\",\"instance\":\"master\",\"token\":19,\"row\":{\"user_id\":\"@a:t\",\"app_id\":\"m.http\",\"pushkey\":\"k\",\"deleted\":99999999999999999999}}",
        "{\"type\":\"row\",\"stream\":\"device_lists\",\"instance\":\"master\",\"token\":20,\"row\":{}}",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"master\",\"token\":130}",
        "{\"type\":\"reset\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":0,\"run\":1}",
        "{\"type\":\"reset\",\"stream\":\"federation\",\"instance\":\"master\",\"token\":1,\"run\":3}",
        "{\"type\":\"row\",\"stream\":\"typing\",\"instance\":\"master\",\"token\":2,\"run\":1,\"row\":{\"room_id\":\"!r:t\",\"user_ids\":[\"@a:t\"]}}",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"master\",\"token\":131,\"row\":null,\"note\":[{}]}",
        "{\"type\":\"row\",\"stream\":\"backfill\",\"instance\":\"master\",\"token\":9223372036854775807,\"row\":{\"event_id\":\"$e\",\"room_id\":\"!r:t\",\"type\":\"t\"}} trailing",
    })
    void decodesAsTheCodecAndTheTreeLayoutDo(String value) {
        StreamRecord expected = codec.decode(value.getBytes(StandardCharsets.UTF_8));
        String expectedRow = expected.isRow() ? treeRowJson(expected) : null;

        TailRecord decoded = decoder.decode(buffer(value), true);

        assertThat(decoded).isEqualTo(new TailRecord(expected.type(), expected.stream(), expected.instance(),
                expected.token(), expectedRow));
        assertThat(decoder.decode(buffer(value), false).rowJson()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|value is not JSON",
        "[1,2]|value is not a JSON object",
        "{\"type\":\"rows\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1}|unknown record type 'rows'",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1}|field 'row' must be an object",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1,\"row\":[]}|field 'row' must be an object",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":\"1\",\"row\":{}}|field 'token' must be an integer",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1.5,\"row\":{}}|field 'token' must be an integer",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":99999999999999999999,\"row\":{}}|field 'token' must be an integer",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"master\",\"token\":0}|token must be positive",
        "{\"type\":\"position\",\"stream\":\"Events\",\"instance\":\"master\",\"token\":3}|invalid stream name 'Events'",
        "{\"type\":\"position\",\"stream\":\"events\",\"instance\":\"ma ster\",\"token\":3}|instance name may not contain whitespace",
        "{\"type\":\"position\",\"stream\":\"events\",\"token\":3}|field 'instance' must be a string",
        "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":1,\"row\":{\"a\":1|value is not JSON",
    })
    void refusesWhatTheCodecRefusesWithItsReason(String value, String reason) {
        assertThatThrownBy(() -> decoder.decode(buffer(value), true))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(reason);
    }

    /**
     * Plain records (the form the fast scanner takes) and thousands of single-byte mutations of them, which land on
     * every side of the scanner's rules: each decodes exactly as the codec and the tree layout decode it, or is
     * refused as the codec refuses it.
     */
    @Test
    void plainRecordsAndTheirMutationsDecodeAsTheCodecDoes() {
        List<String> plain = List.of(
            "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"master\",\"token\":362000001,\"row\":{\"kind\":\"ev\",\"event_id\":\"$x9_-Ab\",\"room_id\":\"!r:t.org\",\"type\":\"m.reaction\",\"state_key\":null,\"redacts\":null,\"relates_to\":\"$p\",\"membership\":null,\"rejected\":false,\"outlier\":true}}",
            "{\"type\":\"row\",\"stream\":\"events\",\"instance\":\"event_persister-2\",\"token\":5,\"row\":{\"kind\":\"state\",\"room_id\":\"!r:t\",\"type\":\"m.room.member\",\"state_key\":\"@a:t\",\"event_id\":\"$e\"}}",
            "{\"type\":\"row\",\"stream\":\"backfill\",\"instance\":\"master\",\"token\":12,\"row\":{\"event_id\":\"$e\",\"room_id\":\"!r:t\",\"type\":\"m.room.create\",\"state_key\":\"\",\"redacts\":null,\"relates_to\":null}}",
            "{\"type\":\"row\",\"stream\":\"presence\",\"instance\":\"master\",\"token\":15,\"row\":{\"user_id\":\"@a:t\",\"state\":\"online\",\"last_active_ts\":1700000000000,\"last_federation_update_ts\":-1,\"last_user_sync_ts\":0,\"status_msg\":null,\"currently_active\":true}}",
            "{\"type\":\"row\",\"stream\":\"pushers\",\"instance\":\"master\",\"token\":19,\"row\":{\"user_id\":\"@a:t\",\"app_id\":\"m.http\",\"pushkey\":\"k\",\"deleted\":false}}",
            "{\"type\":\"row\",\"stream\":\"to_device\",\"instance\":\"master\",\"token\":21,\"row\":{\"entity\":\"@a:t\"}}",
            "{\"type\":\"row\",\"stream\":\"account_data\",\"instance\":\"master\",\"token\":22,\"row\":{\"user_id\":\"@a:t\",\"room_id\":null,\"data_type\":\"m.direct\"}}",
            " {\n \"type\" : \"position\" , \"stream\":\"receipts\",\"instance\":\"master\",\"token\":130 }\t");
        StreamRecordCodec strict = new StreamRecordCodec();
        Random random = new Random(42);
        String alphabet = "{}[]\",:0123456789-+.eE tfnarxu\\\n\u00e9\u007f";
        int checked = 0;
        for (String base : plain) {
            assertDecodesAsTheCodec(base, strict);
            for (int i = 0; i < 2_000; i++) {
                StringBuilder mutated = new StringBuilder(base);
                int at = random.nextInt(mutated.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, c);
                    case 1 -> mutated.insert(at, c);
                    default -> mutated.deleteCharAt(at);
                }
                assertDecodesAsTheCodec(mutated.toString(), strict);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(plain.size() * 2_000);
    }

    private void assertDecodesAsTheCodec(String value, StreamRecordCodec strict) {
        StreamRecord expected;
        try {
            expected = strict.decode(value.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRecordException e) {
            assertThatThrownBy(() -> decoder.decode(buffer(value), true)).as(value)
                    .isInstanceOf(InvalidRecordException.class);
            return;
        }
        TailRecord want = new TailRecord(expected.type(), expected.stream(), expected.instance(), expected.token(),
                expected.isRow() ? treeRowJson(expected) : null);
        assertThat(decoder.decode(buffer(value), true)).as(value).isEqualTo(want);
    }

    private static String treeRowJson(StreamRecord record) {
        try {
            return SynapseJson.encode(CATALOG.encodeRow(record.stream(), (ObjectNode) record.row()));
        } catch (RowEncodingException e) {
            return null;
        }
    }

    /** The value in the middle of a larger array, as Kafka hands it over. */
    private static ByteBuffer buffer(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, framed, 3, bytes.length);
        return ByteBuffer.wrap(framed, 3, bytes.length).slice();
    }
}
