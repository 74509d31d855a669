package io.synapsebridge.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SynapseJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void compactWithKeysInInsertionOrder() {
        ObjectNode node = NODES.objectNode();
        node.put("zeta", 1).put("alpha", "a").putNull("mid");
        node.putArray("list").add(true).add(false).addNull();
        assertThat(SynapseJson.encode(node)).isEqualTo("{\"zeta\":1,\"alpha\":\"a\",\"mid\":null,\"list\":[true,false,null]}");
    }

    @Test
    void escapesEveryNonAsciiCharacterLikeEnsureAscii() {
        // Expected text is what Python's json.dumps(..., ensure_ascii=True) produces: lower-case hex, DEL escaped,
        // surrogate pairs for characters beyond the BMP, '/' left alone.
        String value = "é\u007f\u0001\n\t\"\\/ \uD83D\uDE00\u2028~";
        assertThat(SynapseJson.encode(NODES.textNode(value)))
                .isEqualTo("\"\\u00e9\\u007f\\u0001\\n\\t\\\"\\\\/ \\ud83d\\ude00\\u2028~\"");
    }

    @Test
    void escapesNonAsciiInKeysToo() {
        ObjectNode node = NODES.objectNode().put("ключ", "v");
        assertThat(SynapseJson.encode(node)).isEqualTo("{\"\\u043a\\u043b\\u044e\\u0447\":\"v\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.5",
        "1.0, 1.0",
        "100.0, 100.0",
        "0.1, 0.1",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1e15, 1000000000000000.0",
        "1e16, 1e+16",
        "1.5e300, 1.5e+300",
        "-2.5e-7, -2.5e-07",
        "123456.789, 123456.789",
        "-0.0, -0.0",
    })
    void floatsLookLikePythonRepr(double value, String python) {
        assertThat(SynapseJson.encode(NODES.numberNode(value))).isEqualTo(python);
    }

    @Test
    void integersBeyondLongStayExact() {
        BigInteger big = BigInteger.TWO.pow(70);
        assertThat(SynapseJson.encode(NODES.numberNode(big))).isEqualTo(big.toString());
        assertThat(SynapseJson.encode(NODES.numberNode(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesToEncodeNanOrInfinity(double value) {
        ArrayNode row = NODES.arrayNode().add("x").add(value);
        assertThatThrownBy(() -> SynapseJson.encode(row)).isInstanceOf(InvalidJsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[NaN]", "[Infinity]", "[-Infinity]", "NaN", "{\"a\":NaN}"})
    void decoderRejectsNanAndInfinity(String text) {
        assertThatThrownBy(() -> SynapseJson.decode(text)).isInstanceOf(InvalidJsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1] x", "[1][2]", "{'a':1}", "[1,]", "[\"a", "{\"a\" 1}", "tru"})
    void decoderRejectsInvalidJson(String text) {
        assertThatThrownBy(() -> SynapseJson.decode(text))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessageStartingWith("invalid JSON")
                .hasMessageNotContaining("\n");
    }

    @Test
    void decoderAcceptsAnyValidJsonWithAnySpacing() {
        JsonNode row = SynapseJson.decode(" [\"ev\", [\"$id\", null, 1.5, true]] \n");
        assertThat(SynapseJson.encode(row)).isEqualTo("[\"ev\",[\"$id\",null,1.5,true]]");
        assertThat(SynapseJson.decode("\"s\"").textValue()).isEqualTo("s");
        assertThat(SynapseJson.decode("null").isNull()).isTrue();
        assertThat(SynapseJson.decode("\"\\u00e9\"").textValue()).isEqualTo("é");
    }
}
