package io.synapsebridge.contract;

import java.util.regex.Pattern;

/** Synapse stream names as they appear in topics and on the wire: lower case, digits and underscores. */
public final class StreamNames {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private StreamNames() {
    }

    public static String requireValid(String stream) {
        if (stream == null || !VALID.matcher(stream).matches()) {
            throw new IllegalArgumentException("invalid stream name '" + stream + "'");
        }
        return stream;
    }
}
