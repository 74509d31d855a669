package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.memory.MemoryRows;
import java.util.List;

/** The mappers of each Synapse version the bridge captures. */
public final class Mappers {
    /**
     * The replication streams of Synapse v1.66, in its announcement order. Captured tables feed most of them; the
     * in-memory ones (presence_federation, typing, federation) come from the writer's own connection.
     */
    public static final List<String> STREAMS_V1_66 = List.of("events", "backfill", "presence",
            "presence_federation", "typing", "receipts", "push_rules", "pushers", "caches", "device_lists",
            "to_device", "federation", "tag_account_data", "account_data", "user_signature");

    /**
     * The v1.66 streams whose rows come from captured tables: the writer's announcements may move their frontier.
     * The in-memory streams are not among them: their rows and tokens come from the announcements themselves.
     */
    public static final java.util.Set<String> ANNOUNCED_V1_66 = STREAMS_V1_66.stream()
            .filter(s -> !MemoryRows.streams().contains(s))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Mappers() {
    }

    /** Every table mapper for Synapse v1.66, with rows built from the captured changes alone. */
    public static List<TableMapper> v1_66() {
        return v1_66(EventLookup.NONE, RoomTagLookup.NONE);
    }

    /**
     * Every table mapper for Synapse v1.66; the lookups read what a de-outliered event's and a tag change's
     * transaction does not carry. Mappers keep per-transaction state, so each capture gets its own list.
     */
    public static List<TableMapper> v1_66(EventLookup events, RoomTagLookup tags) {
        return List.of(
                StreamPositionsMapper.v1_66(),
                new EventsMapper(events),
                new PresenceMapper(),
                new ReceiptsMapper(),
                new PushRulesMapper(),
                new PushersMapper(),
                new CachesMapper(),
                new DeviceListsMapper(),
                new ToDeviceMapper(),
                new AccountDataMapper(tags));
    }
}
