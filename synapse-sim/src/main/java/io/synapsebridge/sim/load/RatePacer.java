package io.synapsebridge.sim.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Hands out evenly spaced start times at a fixed rate until a deadline, shared by all load threads. */
final class RatePacer {
    private final long startNanos;
    private final long deadlineNanos;
    private final double nanosPerSlot;
    private final AtomicLong slots = new AtomicLong();

    RatePacer(double perSecond, long durationNanos) {
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + durationNanos;
        this.nanosPerSlot = 1e9 / perSecond;
    }

    /** Waits for the next slot; false once the slots run past the deadline or the thread is interrupted. */
    boolean awaitSlot() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        long due = startNanos + (long) (slots.getAndIncrement() * nanosPerSlot);
        if (due >= deadlineNanos) {
            return false;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
