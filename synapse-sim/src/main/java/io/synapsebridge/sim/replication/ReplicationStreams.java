package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.rows.SynapseVersion;
import io.synapsebridge.sim.id.Stream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication streams the writer announces, in v1.66's {@code STREAMS_MAP} order, and the id generator behind
 * each. Two generators feed two streams each, so one rise of their token moves both.
 */
final class ReplicationStreams {
    private static final Map<String, Stream> SHARED_GENERATORS =
            Map.of("tag_account_data", Stream.ACCOUNT_DATA, "user_signature", Stream.DEVICE_LISTS);

    private static final Map<String, Stream> GENERATORS = generatorsInCatalogOrder();

    private ReplicationStreams() {
    }

    /**
     * Every stream announced after REPLICATE, in v1.66's order: the database-backed ones and the in-memory ones
     * ({@link MemoryStreams}).
     */
    static List<String> announced() {
        return SynapseVersion.V1_66.catalog().streams().stream()
                .filter(name -> GENERATORS.containsKey(name) || MemoryStreams.NAMES.contains(name))
                .toList();
    }

    /** The id generator behind a database-backed stream; null for an in-memory one. */
    static Stream generator(String name) {
        return GENERATORS.get(name);
    }

    /** The streams whose tokens {@code generator} hands out, in announcement order. */
    static List<String> fedBy(Stream generator) {
        List<String> names = new ArrayList<>();
        GENERATORS.forEach((name, g) -> {
            if (g == generator) {
                names.add(name);
            }
        });
        return names;
    }

    private static Map<String, Stream> generatorsInCatalogOrder() {
        Map<String, Stream> byMainStream = new LinkedHashMap<>();
        for (Stream s : Stream.values()) {
            byMainStream.put(s.streamName(), s);
        }
        Map<String, Stream> generators = new LinkedHashMap<>();
        // In-memory streams (typing, presence_federation, federation) have no generator here and are left out.
        for (String name : SynapseVersion.V1_66.catalog().streams()) {
            Stream generator = SHARED_GENERATORS.getOrDefault(name, byMainStream.get(name));
            if (generator != null) {
                generators.put(name, generator);
            }
        }
        if (EnumSet.copyOf(generators.values()).size() != Stream.values().length) {
            throw new IllegalStateException("a generator feeds no v1.66 stream: " + generators);
        }
        return generators;
    }
}
