package io.synapsebridge.sim.schema;

/** A Synapse release whose database schema we can create; its migration files live under {@link #resourceDirectory()}. */
public enum SchemaVersion {
    /** The last release whose workers replicate over direct TCP (Synapse schema version 72). */
    V1_66("v1.66");

    private final String label;

    SchemaVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Classpath directory holding the numbered SQL files and {@code migrations.txt}, which lists them in order. */
    public String resourceDirectory() {
        return "synapse-schema/" + label;
    }
}
