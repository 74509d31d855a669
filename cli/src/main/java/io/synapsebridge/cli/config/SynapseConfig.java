package io.synapsebridge.cli.config;

import io.synapsebridge.contract.InstanceNames;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Synapse deployment the bridge stands in for.
 *
 * @param serverName   Synapse's {@code server_name}, sent to workers as {@code SERVER}; workers check it
 * @param instanceName the writer whose rows the HTTP catch-up endpoint serves ({@code master}: the main process)
 * @param version      the Synapse release whose streams and row layouts are emulated: {@code v1.66} or {@code head}
 * @param dialect      the replication line format: {@code v1.22} (v1.22-v1.66), {@code v1.13}, {@code v0.21}
 * @param sendFederation Synapse's {@code send_federation}: true if the main process sends federation itself, so
 *                     the federation stream is not announced
 */
public record SynapseConfig(String serverName, String instanceName, String version, String dialect,
        Boolean sendFederation) {

    public SynapseConfig {
        serverName = Validate.word("synapse.server_name", serverName, "localhost");
        instanceName = instanceName == null ? Dialect.MAIN_PROCESS_INSTANCE : instanceName;
        try {
            InstanceNames.requireValid(instanceName);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("synapse.instance_name: " + e.getMessage());
        }
        version = version == null ? "v1.66" : version;
        dialect = dialect == null ? "v1.22" : dialect;
        sendFederation = sendFederation != null && sendFederation;
        parse("synapse.version", version, SynapseVersion.class);
        parse("synapse.dialect", dialect, Dialect.class);
    }

    public static SynapseConfig defaults() {
        return new SynapseConfig(null, null, null, null, null);
    }

    public SynapseVersion synapseVersion() {
        return parse("synapse.version", version, SynapseVersion.class);
    }

    public Dialect lineDialect() {
        return parse("synapse.dialect", dialect, Dialect.class);
    }

    /** {@code v1.66} names {@code V1_66}; the message lists the accepted spellings. */
    private static <E extends Enum<E>> E parse(String key, String value, Class<E> type) {
        String constant = value.toUpperCase(Locale.ROOT).replaceFirst("^V", "V").replace('.', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        throw new ConfigException(key + ": expected one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '.')).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
