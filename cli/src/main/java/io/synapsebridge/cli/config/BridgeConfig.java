package io.synapsebridge.cli.config;

/** The whole configuration file; every section is optional and has defaults. */
public record BridgeConfig(KafkaSettings kafka, DevSettings dev) {

    public BridgeConfig {
        kafka = kafka == null ? KafkaSettings.defaults() : kafka;
        dev = dev == null ? DevSettings.defaults() : dev;
    }

    public static BridgeConfig defaults() {
        return new BridgeConfig(null, null);
    }
}
