package io.synapsebridge.cli.config;

/** Checks shared by the configuration sections. */
final class Validate {
    private Validate() {
    }

    static String word(String key, String value) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(key + ": expected one word without spaces, got '" + value + "'");
        }
        return value;
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
}
