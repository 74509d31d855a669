package io.synapsebridge.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration strictly: an unknown key, a value of the wrong type or a value out of range stops
 * the start with one line naming the key.
 */
public final class ConfigLoader {
    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final Map<String, String> environment;

    /** Reads the file and the process's {@code SKB_*} environment variables. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /** Reads the file and {@code SKB_*} variables of {@code environment} (see {@link EnvironmentOverrides}). */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The configuration in {@code file} (the defaults when null), with environment variables applied. */
    public BridgeConfig load(Path file) {
        return load(file, Map.of());
    }

    /**
     * As {@link #load(Path)}, with command-line options on top.
     *
     * @param options dotted key → (option name, value); null values are ignored
     */
    public BridgeConfig load(Path file, Map<String, Option> options) {
        EnvironmentOverrides env = new EnvironmentOverrides(environment);
        options.forEach((key, option) -> {
            if (option.value() != null) {
                env.override(key, option.value(), option.name());
            }
        });
        if (!env.isEmpty()) {
            return loadWith(env, file == null ? "" : read(file), file);
        }
        if (file == null) {
            return BridgeConfig.defaults();
        }
        return loadText(read(file), file);
    }

    /** Every configuration key (dotted), with the environment variable that sets it. */
    public static Map<String, String> keys() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        EnvironmentOverrides.keys().forEach((variable, key) -> out.put(key, variable));
        return out;
    }

    /** A command-line option that sets a configuration key. */
    public record Option(String name, String value) {
        public static Option of(String name, Object value) {
            return new Option(name, value == null ? null : value.toString());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file alone: errors carry the line. */
    private BridgeConfig loadText(String text, Path file) {
        if (text.isBlank()) {
            return BridgeConfig.defaults();
        }
        try {
            return mapper.readValue(text, BridgeConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ":" + lineOfKey(text, e.getPropertyName(), line(e.getLocation()))
                    + ": unknown key '" + path(e) + "'", e);
        } catch (JsonMappingException e) {
            ConfigException cause = findConfigException(e);
            if (cause != null) {
                throw new ConfigException(file + ": " + cause.getMessage(), e);
            }
            throw new ConfigException(file + ":" + line(e.getLocation()) + ": bad value for '" + path(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ":" + line(e.getLocation()) + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The file overlaid with environment variables: errors name the key, and the variable if one set it. */
    private BridgeConfig loadWith(EnvironmentOverrides env, String text, Path file) {
        String source = file == null ? "configuration" : file.toString();
        ObjectNode root;
        try {
            JsonNode tree = text.isBlank() ? null : mapper.readTree(text);
            if (tree != null && !tree.isNull() && !(tree instanceof ObjectNode)) {
                throw new ConfigException(source + ": the configuration must be a mapping of sections");
            }
            root = tree == null || tree.isNull() ? EnvironmentOverrides.emptyTree() : (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ":" + line(e.getLocation()) + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        env.applyTo(root);
        try {
            return mapper.treeToValue(root, BridgeConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source + ": unknown key '" + path(e) + "'", e);
        } catch (JsonMappingException e) {
            ConfigException cause = findConfigException(e);
            String message = cause != null ? cause.getMessage() : "bad value for '" + path(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse("");
            String key = cause != null ? message.split(":", 2)[0] : path(e);
            String variable = env.sourceOf(key);
            throw new ConfigException(source + ": " + message + (variable == null ? "" : " (set by " + variable + ")"),
                    e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ConfigException findConfigException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The line the key is written on; the parser reports where it noticed, which can be a line later. */
    private static int lineOfKey(String text, String key, int reported) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.startsWith(key + ":") || l.startsWith("\"" + key + "\":") || l.startsWith("'" + key + "':")) {
                return i + 1;
            }
        }
        return reported;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }
}
