package io.synapsebridge.cli.config;

/** The whole configuration file; every section is optional and has defaults. */
public record BridgeConfig(DatabaseConfig database, KafkaSettings kafka, SynapseConfig synapse, WriterConfig writer,
        ReplicationConfig replication, HttpConfig http, MetricsConfig metrics, DevSettings dev) {

    public BridgeConfig {
        database = database == null ? DatabaseConfig.defaults() : database;
        kafka = kafka == null ? KafkaSettings.defaults() : kafka;
        synapse = synapse == null ? SynapseConfig.defaults() : synapse;
        writer = writer == null ? WriterConfig.defaults() : writer;
        replication = replication == null ? ReplicationConfig.defaults() : replication;
        http = http == null ? HttpConfig.defaults() : http;
        metrics = metrics == null ? MetricsConfig.defaults() : metrics;
        dev = dev == null ? DevSettings.defaults() : dev;
    }

    public static BridgeConfig defaults() {
        return new BridgeConfig(null, null, null, null, null, null, null, null);
    }
}
