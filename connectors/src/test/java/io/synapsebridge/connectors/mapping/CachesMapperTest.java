package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.Changes.with;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachesMapperTest {
    private final CachesMapper mapper = new CachesMapper();
    private final RecordingSink sink = new RecordingSink();

    private static ChangeRow invalidation(Object keys) {
        return insert("cache_invalidation_stream_by_instance", "stream_id", 31L, "instance_name", "master",
                "cache_func", "cs_cache_fake", "keys", keys, "invalidation_ts", 1795343690600L);
    }

    @Test
    void keysAsAList() {
        mapper.map(invalidation(List.of("!room1:test.local", "@alice:test.local")), sink);

        assertThat(sink.placements()).containsExactly("caches/master/31");
        assertRow(sink.only(), """
                {"cache_func":"cs_cache_fake","keys":["!room1:test.local","@alice:test.local"],
                 "invalidation_ts":1795343690600}""");
    }

    @Test
    void keysAsAnArray() {
        mapper.map(invalidation(new String[] {"@alice:test.local"}), sink);

        assertThat(sink.only().row().get("keys").toString()).isEqualTo("[\"@alice:test.local\"]");
    }

    @Test
    void nullKeysMeanTheWholeCacheAndEmptyKeysStayEmpty() {
        mapper.map(invalidation(null), sink);
        mapper.map(invalidation(List.of()), sink);

        assertThat(sink.rows.get(0).row().get("keys").isNull()).isTrue();
        assertThat(sink.rows.get(1).row().get("keys").toString()).isEqualTo("[]");
    }

    @Test
    void aNullElementIsKeptAsSynapseWouldSendIt() {
        mapper.map(invalidation(Arrays.asList("a", null)), sink);

        assertThat(sink.only().row().get("keys").toString()).isEqualTo("[\"a\",null]");
    }

    @Test
    void aMissingTimestampStaysNull() {
        mapper.map(with(invalidation(null), "invalidation_ts", null), sink);

        assertThat(sink.only().row().get("invalidation_ts").isNull()).isTrue();
    }

    @Test
    void updatesAreNotStreamRows() {
        mapper.map(update("cache_invalidation_stream_by_instance", "stream_id", 31L, "cache_func", "f"), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(invalidation("{a,b}"), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("cache_invalidation_stream_by_instance.keys");
        assertThatThrownBy(() -> mapper.map(invalidation(List.of(1, 2)), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("cache_invalidation_stream_by_instance.keys");
        assertThatThrownBy(() -> mapper.map(with(invalidation(null), "cache_func", null), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("cache_invalidation_stream_by_instance.cache_func");
        assertThatThrownBy(() -> mapper.map(with(invalidation(null), "invalidation_ts", "now"), sink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("cache_invalidation_stream_by_instance.invalidation_ts");
    }
}
