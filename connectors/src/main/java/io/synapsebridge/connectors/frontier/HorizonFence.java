package io.synapsebridge.connectors.frontier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Holds snapshot-horizon frontiers until capture has read past their WAL fence. Fed by the horizon follower's
 * thread, drained by the capture loop.
 */
public final class HorizonFence {
    private final ConcurrentLinkedQueue<FencedToken> waiting = new ConcurrentLinkedQueue<>();

    public void add(FencedToken token) {
        waiting.add(token);
    }

    /** The frontiers whose fence capture has passed, in the order they were found (fences only grow). */
    public List<FencedToken> passed(long capturedLsn) {
        List<FencedToken> out = new ArrayList<>();
        FencedToken head;
        while ((head = waiting.peek()) != null && Long.compareUnsigned(head.walLsn(), capturedLsn) <= 0) {
            out.add(waiting.poll());
        }
        return out;
    }
}
