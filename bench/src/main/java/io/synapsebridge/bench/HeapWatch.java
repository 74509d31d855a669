package io.synapsebridge.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Samples this JVM's heap and direct buffer use often enough to see the peaks a load run causes, since the
 * JVM's own counters only give the current value (or per-pool peaks that do not add up to one).
 */
final class HeapWatch {
    static final String PREFIX = "memory ";
    private static final long SAMPLE_MILLIS = 10;
    private static final double MB = 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
    private volatile long heapPeak;
    private volatile long directPeak;

    private HeapWatch() {
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        Thread sampler = new Thread(watch::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
        return watch;
    }

    private void sample() {
        while (true) {
            heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
            directPeak = Math.max(directPeak, direct.getMemoryUsed());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One line of {@code key=value} pairs: peak heap used, heap used after a full collection (what the adapter
     * really holds), the heap limit, peak direct buffers, and the collections so far.
     */
    String report() {
        long peak = heapPeak;
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long collections = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        long gcMillis = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return String.format("%sheap_peak_mb=%.1f heap_after_gc_mb=%.1f heap_max_mb=%.1f direct_peak_mb=%.1f"
                + " gc_count=%d gc_ms=%d", PREFIX, peak / MB, live / MB, memory.getHeapMemoryUsage().getMax() / MB,
                directPeak / MB, collections, gcMillis);
    }
}
