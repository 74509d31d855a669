package io.synapsebridge.contract;


/** Synapse stream names as they appear in topics and on the wire: lower case, digits and underscores. */
public final class StreamNames {
    private static final int MAX_LENGTH = 63;

    private StreamNames() {
    }

    /** {@code [a-z][a-z0-9_]{0,62}}, checked by hand: every record read names its stream. */
    public static String requireValid(String stream) {
        if (stream == null || !isValid(stream)) {
            throw new IllegalArgumentException("invalid stream name '" + stream + "'");
        }
        return stream;
    }

    private static boolean isValid(String stream) {
        int length = stream.length();
        if (length == 0 || length > MAX_LENGTH || !isLower(stream.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = stream.charAt(i);
            if (!isLower(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
