package io.synapsebridge.bench;

import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates one single-partition topic per Synapse v1.66 stream, as the topic contract lays them out. */
final class StreamTopicSetup {
    private StreamTopicSetup() {
    }

    static void create(String bootstrapServers, StreamTopics topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> all = new ArrayList<>();
            for (String stream : SynapseVersion.V1_66.catalog().streams()) {
                all.add(new NewTopic(topics.stream(stream), 1, (short) 1));
            }
            admin.createTopics(all).all().get();
        }
    }
}
