package io.synapsebridge.cli.run;

/** Which halves of the bridge a process runs. */
public enum Part {
    /** Postgres into the stream topics. */
    CAPTURE,
    /** The stream topics to workers. */
    SERVE,
    /** Both, in one process. */
    BOTH;

    boolean captures() {
        return this != SERVE;
    }

    boolean serves() {
        return this != CAPTURE;
    }
}
