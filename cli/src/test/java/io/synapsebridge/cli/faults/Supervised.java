package io.synapsebridge.cli.faults;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One component of the bridge in its own process, kept running as a supervisor (systemd, Kubernetes) would: when it
 * exits, killed or stopped on its own, it is started again after a short back-off.
 */
final class Supervised implements AutoCloseable {
    private static final Duration BACK_OFF = Duration.ofMillis(500);

    private final String name;
    private final Supplier<ChildJvm> launcher;
    private final AtomicInteger starts = new AtomicInteger();
    private volatile ChildJvm current;
    private volatile boolean closed;

    private Supervised(String name, Supplier<ChildJvm> launcher) {
        this.name = name;
        this.launcher = launcher;
    }

    /** Starts the component and keeps it running until closed. */
    static Supervised start(String name, Supplier<ChildJvm> launcher) {
        Supervised s = new Supervised(name, launcher);
        s.launch();
        return s;
    }

    private synchronized void launch() {
        if (closed) {
            return;
        }
        starts.incrementAndGet();
        ChildJvm child = launcher.get();
        current = child;
        child.exited().thenRun(() -> CompletableFuture.delayedExecutor(BACK_OFF.toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::launch));
    }

    String name() {
        return name;
    }

    /** Running and ready: false from a kill until the next process says it is ready. */
    boolean up() {
        ChildJvm child = current;
        return child.alive() && child.ready().isDone() && !child.ready().isCompletedExceptionally();
    }

    /** SIGKILLs the running process; the supervisor starts another. */
    void kill() {
        current.kill();
    }

    /** How many times the component was started, the first start included. */
    int starts() {
        return starts.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        current.kill();
    }
}
