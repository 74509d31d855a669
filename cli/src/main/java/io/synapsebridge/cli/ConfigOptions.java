package io.synapsebridge.cli;

import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader;
import io.synapsebridge.cli.config.ConfigLoader.Option;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Options every command against an existing Kafka shares: the file, and the keys most often set per run. */
final class ConfigOptions {
    @CommandLine.Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (see README, Configuration). Keys can also be set by"
                    + " environment variables SKB_<SECTION>_<KEY>, e.g. SKB_KAFKA_BOOTSTRAP_SERVERS; options beat"
                    + " variables, variables beat the file.")
    Path config;

    @CommandLine.Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka's bootstrap servers (kafka.bootstrap_servers).")
    String bootstrapServers;

    @CommandLine.Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Prefix of every topic (kafka.topic_prefix, default synapse).")
    String topicPrefix;

    /** The configuration with these options and {@code more} (dotted key → option) on top. */
    BridgeConfig load(Map<String, Option> more) {
        Map<String, Option> options = new HashMap<>(more);
        options.put("kafka.bootstrap_servers", Option.of("--bootstrap-servers", bootstrapServers));
        options.put("kafka.topic_prefix", Option.of("--topic-prefix", topicPrefix));
        return new ConfigLoader().load(config, options);
    }
}
