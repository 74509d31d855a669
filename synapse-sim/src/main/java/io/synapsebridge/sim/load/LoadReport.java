package io.synapsebridge.sim.load;

import java.time.Duration;

/** What a load run did: writes committed, rolled back on purpose, and failed with an error. */
public record LoadReport(long committed, long rolledBack, long failed, Duration elapsed) {
    public long attempted() {
        return committed + rolledBack + failed;
    }
}
