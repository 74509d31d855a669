package io.synapsebridge.cli.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables that set configuration keys: {@code SKB_} followed by the key's path in upper case with
 * every dot and underscore written as {@code _}, e.g. {@code kafka.bootstrap_servers} is
 * {@code SKB_KAFKA_BOOTSTRAP_SERVERS} and {@code replication.tls.cert_file} is {@code SKB_REPLICATION_TLS_CERT_FILE}.
 * A variable beats the file. The names are derived from the configuration classes, so every key has one; an
 * {@code SKB_} variable that names no key is an error, like an unknown key in the file. An empty variable is
 * ignored.
 */
final class EnvironmentOverrides {
    static final String PREFIX = "SKB_";

    /** Environment name → dotted key, for every key of the configuration. */
    private static final Map<String, String> KEYS = keys();

    private final Map<String, String> applicable = new TreeMap<>();
    /** Key → what set it, for messages. */
    private final Map<String, String> sources = new TreeMap<>();

    EnvironmentOverrides(Map<String, String> environment) {
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getValue().isEmpty()) {
                continue;
            }
            String key = KEYS.get(e.getKey());
            if (key == null) {
                throw new ConfigException("environment variable " + e.getKey() + " names no configuration key"
                        + " (SKB_<SECTION>_<KEY>, e.g. SKB_KAFKA_BOOTSTRAP_SERVERS)");
            }
            applicable.put(key, e.getValue());
            sources.put(key, e.getKey());
        }
    }

    /** A command-line option setting {@code key}; beats the environment. */
    void override(String key, String value, String option) {
        if (!KEYS.containsValue(key)) {
            throw new IllegalArgumentException("no configuration key " + key);
        }
        applicable.put(key, value);
        sources.put(key, option);
    }

    boolean isEmpty() {
        return applicable.isEmpty();
    }

    /** The variable or option that set {@code key}, or null. */
    String sourceOf(String key) {
        return sources.get(key);
    }

    /** Writes each variable's value into the tree read from the file (strings; Jackson coerces scalars). */
    void applyTo(ObjectNode root) {
        applicable.forEach((key, value) -> {
            String[] parts = key.split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.get(parts[i]) instanceof ObjectNode child ? child : node.putObject(parts[i]);
            }
            node.put(parts[parts.length - 1], value);
        });
    }

    static ObjectNode emptyTree() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String envName(String key) {
        return PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Every key path, from the configuration records. */
    static Map<String, String> keys() {
        Map<String, String> out = new LinkedHashMap<>();
        collect(BridgeConfig.class, "", out);
        return out;
    }

    private static void collect(Class<?> type, String prefix, Map<String, String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + snake(c.getName());
            if (c.getType().isRecord()) {
                collect(c.getType(), key + ".", out);
            } else if (out.put(envName(key), key) != null) {
                throw new IllegalStateException("two keys share the variable " + envName(key));
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
