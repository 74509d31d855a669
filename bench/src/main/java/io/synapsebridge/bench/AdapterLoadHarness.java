package io.synapsebridge.bench;

import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end load on the adapter: a Kafka broker in this JVM, the v1.66 stream topics with a backlog on
 * {@code events}, the replication server in a child JVM limited to 256 MB of heap, and raw line clients. Each
 * measurement produces fresh records as fast as the broker takes them while the clients and a plain KafkaConsumer
 * read them side by side. Everything listens on loopback and every wait has a deadline.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.synapsebridge.bench.AdapterLoadHarness --clients 1,100</pre>
 */
public final class AdapterLoadHarness {
    private static final String ADAPTER_HEAP = "256m";
    private static final int BACKLOG_CHUNK = 100_000;

    private final HarnessOptions options;
    private final EmbeddedKafkaBroker broker;
    private final StreamTopics topics = new StreamTopics("bench");
    private long nextToken = 1;

    private AdapterLoadHarness(HarnessOptions options, EmbeddedKafkaBroker broker) {
        this.options = options;
        this.broker = broker;
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "%d processors, load average %.2f, %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.version"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0)) {
            new AdapterLoadHarness(options, broker).run();
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
        // The broker's and clients' leftover threads must not keep a finished run alive.
        System.exit(0);
    }

    private void run() throws Exception {
        StreamTopicSetup.create(broker.bootstrapServers(), topics);
        List<Measurement> results = new ArrayList<>();
        String memory;
        try (EventWriter writer = new EventWriter(broker.bootstrapServers(), topics.stream("events"))) {
            fillBacklog(writer);
            try (AdapterProcess adapter = AdapterProcess.start(ADAPTER_HEAP, broker.bootstrapServers(),
                    topics.prefix(), options.maxPending())) {
                results.add(report(measure(writer, adapter, Measurement.WARM_UP, 1)));
                for (int round = 1; round <= options.rounds(); round++) {
                    for (int clients : options.clients()) {
                        results.add(report(measure(writer, adapter, round, clients)));
                    }
                }
                memory = adapter.memoryReport();
            }
        }
        System.out.println();
        ResultsTable.print(System.out, results, options.clients(), memory);
    }

    private void fillBacklog(EventWriter writer) {
        long start = System.nanoTime();
        for (long left = options.backlog(); left > 0; left -= BACKLOG_CHUNK) {
            int count = (int) Math.min(left, BACKLOG_CHUNK);
            writer.send(nextToken, writer.values(nextToken, count));
            nextToken += count;
        }
        System.out.printf(Locale.ROOT, "backlog: %d events records in %.1f s%n", options.backlog(),
                (System.nanoTime() - start) / 1e9);
    }

    private Measurement measure(EventWriter writer, AdapterProcess adapter, int round, int clientCount)
            throws Exception {
        int records = options.records();
        byte[][] values = writer.values(nextToken, records);
        try (LineClients clients = LineClients.connect(adapter.port(), clientCount, options.clientThreads(),
                Duration.ofSeconds(60));
                PlainConsumer consumer = new PlainConsumer(broker.bootstrapServers(), topics.stream("events"),
                        records)) {
            consumer.start();
            clients.expect(records);
            Duration adapterCpu = adapter.cpu();
            long harnessCpu = harnessCpuNanos();
            Duration clientsCpu = clients.cpu();

            long start = System.nanoTime();
            writer.send(nextToken, values);
            long produced = System.nanoTime();
            nextToken += records;
            long deadline = start + options.timeout().toNanos();
            clients.awaitDone(deadline);
            consumer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            long end = System.nanoTime();

            return new Measurement(round, clientCount, records, produced - start,
                    since(start, clients.doneAt()), consumer.doneAt() == 0 ? 0 : consumer.doneAt() - start,
                    clients.shortfalls(), adapter.cpu().minus(adapterCpu),
                    Duration.ofNanos(harnessCpuNanos() - harnessCpu), clients.cpu().minus(clientsCpu),
                    end - start);
        }
    }

    private static long[] since(long start, long[] times) {
        long[] out = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = times[i] == 0 ? 0 : times[i] - start;
        }
        return out;
    }

    private static Measurement report(Measurement m) {
        System.out.printf(Locale.ROOT, "%s, %d client(s): produced in %.2f s, consumer %.2f s, slowest client %s%s%n",
                m.round() == Measurement.WARM_UP ? "warm-up" : "round " + m.round(), m.clients(),
                m.produceNanos() / 1e9, m.consumerNanos() / 1e9,
                Double.isNaN(m.slowestClientRate()) ? "n/a"
                        : String.format(Locale.ROOT, "%.2f s", m.records() / m.slowestClientRate()),
                m.shortfalls().isEmpty() ? "" : " (" + m.shortfalls().size() + " incomplete)");
        return m;
    }

    private static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
