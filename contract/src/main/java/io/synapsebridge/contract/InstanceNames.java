package io.synapsebridge.contract;

/**
 * Writer instance names (Synapse's {@code instance_name}, e.g. {@code master}). They travel as one space-free field
 * of a replication line, so they may not contain whitespace.
 */
public final class InstanceNames {
    private InstanceNames() {
    }

    public static String requireValid(String instance) {
        if (instance == null || instance.isEmpty() || instance.length() > 255) {
            throw new IllegalArgumentException("invalid instance name '" + instance + "'");
        }
        for (int i = 0; i < instance.length(); i++) {
            if (Character.isWhitespace(instance.charAt(i)) || Character.isISOControl(instance.charAt(i))) {
                throw new IllegalArgumentException("instance name may not contain whitespace: '" + instance + "'");
            }
        }
        return instance;
    }
}
