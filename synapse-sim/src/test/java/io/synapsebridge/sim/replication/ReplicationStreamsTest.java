package io.synapsebridge.sim.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.id.Stream;
import org.junit.jupiter.api.Test;

class ReplicationStreamsTest {
    @Test
    void followsV166OrderAndOnlyTheInMemoryStreamsHaveNoGenerator() {
        assertThat(ReplicationStreams.announced()).containsExactly("events", "backfill", "presence",
                "presence_federation", "typing", "receipts", "push_rules", "pushers", "caches", "device_lists",
                "to_device", "federation", "tag_account_data", "account_data", "user_signature");
        assertThat(ReplicationStreams.announced()).filteredOn(s -> ReplicationStreams.generator(s) == null)
                .containsExactlyElementsOf(MemoryStreams.NAMES);
    }

    @Test
    void sharedGeneratorsFeedTwoStreamsAndEveryOtherFeedsItsOwn() {
        assertThat(ReplicationStreams.fedBy(Stream.DEVICE_LISTS)).containsExactly("device_lists", "user_signature");
        assertThat(ReplicationStreams.fedBy(Stream.ACCOUNT_DATA)).containsExactly("tag_account_data", "account_data");
        for (Stream generator : Stream.values()) {
            assertThat(ReplicationStreams.fedBy(generator)).as(generator.name()).contains(generator.streamName());
        }
    }
}
