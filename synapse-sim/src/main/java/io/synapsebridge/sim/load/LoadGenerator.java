package io.synapsebridge.sim.load;

import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.SynapseWriterException;
import io.synapsebridge.sim.id.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drives a {@link SynapseWriter} at a rate for a duration with concurrent, sometimes reordered or aborted writes. */
public final class LoadGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

    private final SynapseWriter writer;
    private final LoadProfile profile;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public LoadGenerator(SynapseWriter writer, LoadProfile profile) {
        this.writer = writer;
        this.profile = profile;
    }

    /** Runs the profile to its end on {@code threads} threads and reports; interrupting the caller stops it early. */
    public LoadReport run() throws InterruptedException {
        long start = System.nanoTime();
        RatePacer pacer = new RatePacer(profile.writesPerSecond(), profile.duration().toNanos());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < profile.threads(); i++) {
            Thread t = new Thread(() -> work(pacer), "synapse-load-" + i);
            t.start();
            threads.add(t);
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        return new LoadReport(committed.get(), rolledBack.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void work(RatePacer pacer) {
        var random = ThreadLocalRandom.current();
        while (pacer.awaitSlot()) {
            if (random.nextDouble() < profile.outOfOrderProbability() && pacer.awaitSlot()) {
                reorderedPair();
            } else {
                PendingWrite write = begin(profile.mix().pick(random));
                if (write != null) {
                    end(write);
                }
            }
        }
    }

    /** Two ids in flight at once, the later one ending first. */
    private void reorderedPair() {
        var random = ThreadLocalRandom.current();
        PendingWrite earlier = begin(profile.mix().pick(random));
        PendingWrite later = begin(profile.mix().pick(random));
        if (later != null) {
            end(later);
        }
        if (earlier != null) {
            end(earlier);
        }
    }

    private PendingWrite begin(Stream stream) {
        try {
            return writer.begin(stream);
        } catch (SynapseWriterException e) {
            failed.incrementAndGet();
            LOG.warn("write to {} failed: {}", stream.streamName(), e.getMessage());
            return null;
        }
    }

    private void end(PendingWrite write) {
        try {
            if (ThreadLocalRandom.current().nextDouble() < profile.rollbackProbability()) {
                write.rollback();
                rolledBack.incrementAndGet();
            } else {
                write.commit();
                committed.incrementAndGet();
            }
        } catch (SynapseWriterException e) {
            failed.incrementAndGet();
            LOG.warn("ending {} failed: {}", write.stream().streamName(), e.getMessage());
        }
    }
}
