package io.synapsebridge.sim;

import io.synapsebridge.sim.id.Stream;

/**
 * Told that a write's ids on {@code generator} have finished (committed or rolled back), so
 * {@link SynapseWriter#currentToken} may have risen. Called on the thread that ended the write, after the commit
 * completed: keep it short and never block.
 */
@FunctionalInterface
public interface IdsFinishedListener {
    void idsFinished(Stream generator);
}
