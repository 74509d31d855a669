package io.synapsebridge.connectors.publish;

import io.synapsebridge.contract.StreamTopics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics capture writes to when they are missing: stream topics with one partition each. */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensure(String bootstrapServers, StreamTopics topics, Collection<String> streams,
            short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String stream : streams) {
                // One partition: the topic's order is the token order workers rely on.
                wanted.add(new NewTopic(topics.stream(stream), 1, replicationFactor));
            }
            wanted.add(new NewTopic(topics.captureState(), 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            wanted.add(new NewTopic(topics.deadLetter(), 1, replicationFactor));
            wanted.removeIf(t -> existing.contains(t.name()));
            for (var created : admin.createTopics(wanted).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    // Another process created it meanwhile: as good as created here.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
