package io.synapsebridge.adapter.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of one read on their way to the connections' event loops: done once every event loop has taken its
 * part and tried to write it to the socket.
 *
 * <p>The fan-out waits for the previous read's hand-off before handing over the next one. Synapse writes each command
 * into the connection's transport on the thread that produced it, so it can never produce faster than it writes;
 * waiting here gives the bridge the same pace. What a connection then still holds is what its peer has not read,
 * which is what the congestion limit is about: a client is never disconnected because the bridge itself was busy.
 * An event loop takes its part without waiting for the peer, so one connection that stops reading slows nobody.
 */
final class HandOff {
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);
    /** Only an overloaded server takes this long; going on then keeps the bridge live, and the limit still holds. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    /** Parts not yet taken, plus one for the sender until it has handed over every part. */
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private final CountDownLatch done = new CountDownLatch(1);

    /** A part is on its way to an event loop. */
    void add() {
        outstanding.incrementAndGet();
    }

    /** A part was taken by its event loop (or will never be). */
    void taken() {
        if (outstanding.decrementAndGet() == 0) {
            done.countDown();
        }
    }

    /** Every part has been handed over. */
    void seal() {
        taken();
    }

    /** Waits until every part has been taken. */
    void await() {
        try {
            if (!done.await(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the event loops took more than {} s to take one read's lines: going on",
                        LONGEST_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
