package io.synapsebridge.connectors.sequencing;

/** What became of a captured row handed to the {@link Sequencer}. */
public enum Offer {
    /** Held until the writer's frontier covers it. */
    HELD,
    /** Already published before a restart, delivered again by capture: dropped. */
    DUPLICATE,
    /**
     * Its token is at or below a frontier already published, yet it was never published: the frontier source
     * announced too early. It cannot be placed in token order any more, so it goes to the dead-letter topic.
     */
    LATE
}
