package io.synapsebridge.cli.run;

import io.synapsebridge.contract.StreamTopics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates {@code <prefix>.commands} before the server takes connections: a producer that finds no topic waits for
 * one (up to a minute per command), and brokers often do not create topics on their own.
 */
public final class CommandsTopic {
    private CommandsTopic() {
    }

    public static void ensure(String bootstrapServers, StreamTopics topics, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topics.commands())) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topics.commands(), 1, replicationFactor))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StartupException("cannot create " + topics.commands() + ": " + e.getCause().getMessage(),
                        e);
            }
        } catch (TimeoutException e) {
            throw new StartupException("cannot create " + topics.commands() + ": kafka did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while creating " + topics.commands(), e);
        }
    }
}
