package io.synapsebridge.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MappersTest {
    @Test
    void everyV166StreamTableHasExactlyOneMapper() {
        TableRouter router = new TableRouter(Mappers.v1_66());

        assertThat(router.tables()).containsExactlyInAnyOrder(
                "stream_positions",
                "events", "state_events", "redactions", "event_relations", "room_memberships", "rejections",
                "current_state_delta_stream", "ex_outlier_stream",
                "presence_stream", "receipts_linearized", "push_rules_stream", "pushers", "deleted_pushers",
                "cache_invalidation_stream_by_instance",
                "device_lists_stream", "device_lists_outbound_pokes", "user_signature_stream",
                "device_inbox", "device_federation_outbox",
                "account_data", "room_account_data", "room_tags_revisions", "room_tags");
    }

    @Test
    void eachCallGivesFreshMappers() {
        assertThat(Mappers.v1_66().get(1)).isNotSameAs(Mappers.v1_66().get(1));
    }

    @Test
    void theV166StreamsAreInSynapsesOrder() {
        assertThat(Mappers.STREAMS_V1_66).containsExactly("events", "backfill", "presence", "presence_federation",
                "typing", "receipts", "push_rules", "pushers", "caches", "device_lists", "to_device", "federation",
                "tag_account_data", "account_data", "user_signature");
    }
}
