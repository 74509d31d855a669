package io.synapsebridge.adapter.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that can come in floods (connections refused while thousands arrive at once): logged at most once per
 * interval, with how many were left out since, so that a flood of peers cannot also flood the log.
 */
final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs {@code message} (an SLF4J format) now, or counts it for the next one that is logged. */
    void warn(String message, Object... args) {
        long now = System.nanoTime();
        long at = nextAt.get();
        if (now - at < 0 || !nextAt.compareAndSet(at, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        if (left > 0) {
            log.warn(message + " (and {} more like it since the last such warning)", append(args, left));
        } else {
            log.warn(message, args);
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }
}
