package io.synapsebridge.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the configuration sections; each failure names the key and the reason. */
final class Validate {
    private Validate() {
    }

    static String word(String key, String value) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(key + ": expected one word without spaces, got '" + value + "'");
        }
        return value;
    }

    static String word(String key, String value, String fallback) {
        return value == null ? fallback : word(key, value);
    }

    static int port(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 65535) {
            throw new ConfigException(key + ": port " + value + " is out of range (0-65535)");
        }
        return value;
    }

    /** A port a client connects to: 0 makes no sense there. */
    static int remotePort(String key, Integer value, int fallback) {
        int port = port(key, value, fallback);
        if (port == 0) {
            throw new ConfigException(key + ": port 0 cannot be connected to (1-65535)");
        }
        return port;
    }

    static int range(String key, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new ConfigException(key + ": expected " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** A file that must exist and be readable now, so that a typo fails the start rather than the first use. */
    static Path readableFile(String key, Path file) {
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key + ": file " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(key + ": file " + file + " is not readable");
        }
        return file;
    }

    /** A secret given inline or in a file (first line), never both. */
    static String secret(String key, String inline, Path file) {
        if (inline != null && file != null) {
            throw new ConfigException(key + " and " + key + "_file: set one, not both");
        }
        if (file == null) {
            return inline;
        }
        readableFile(key + "_file", file);
        try {
            String text = Files.readString(file).lines().findFirst().orElse("").strip();
            if (text.isEmpty()) {
                throw new ConfigException(key + "_file: file " + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new ConfigException(key + "_file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
