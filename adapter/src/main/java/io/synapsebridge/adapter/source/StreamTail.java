package io.synapsebridge.adapter.source;

import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamTopics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one live reader of the stream topics, shared by every connection: it reads committed records in topic order
 * and hands them to a {@link TailListener} on the tail's thread. Tasks submitted from other threads run on the same
 * thread between reads, so they see the token table exactly as the connections have been sent it.
 *
 * <p>Two threads share the work: a reader fetches and decodes the next records from Kafka while the tail's thread
 * fans out the previous ones, with at most {@link #READS_AHEAD} reads waiting between them. A listener that takes
 * its time (connections that are slow to write) therefore slows the reading, and Kafka keeps the backlog.
 *
 * <p>On start it reads the last {@code seedRecords} of each topic only to learn each writer's current token, then
 * follows the end of the topics.
 */
public final class StreamTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamTail.class);
    private static final int READS_AHEAD = 2;

    private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;
    private final StreamTopics topics;
    private final Map<TopicPartition, String> streamOf = new HashMap<>();
    /** Per stream: one past the last offset handed to the listener. */
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final TailListener listener;
    private final TokenTable tokens = new TokenTable();
    private final RecordDecoder decoder;
    /** Reads and tasks, in the order the tail's thread runs them. */
    private final LinkedBlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final Semaphore readsAhead = new Semaphore(READS_AHEAD);
    private final Thread reader;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong invalidRecords = new AtomicLong();
    private final int seedRecords;
    private volatile boolean running = true;

    /** Records read in one poll, with where each topic's reading ended and which topics it read to their end. */
    private record Read(List<TailRecord> records, Map<String, Long> readTo, Set<String> caughtUp) {
    }

    public StreamTail(String bootstrapServers, StreamTopics topics, Collection<String> streams, RowLayout layout,
            TailListener listener, int seedRecords) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Capture publishes a release and its checkpoint in one transaction: see all of it or none.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        // Values are parsed where Kafka read them, without a copy; keys repeat the instance the value names.
        this.consumer = new KafkaConsumer<>(p, new ByteBufferDeserializer(), new ByteBufferDeserializer());
        this.topics = topics;
        this.decoder = new RecordDecoder(layout);
        this.listener = listener;
        this.seedRecords = seedRecords;
        for (String stream : streams) {
            streamOf.put(new TopicPartition(topics.stream(stream), 0), stream);
        }
        this.reader = new Thread(this::read, "stream-reader");
        this.thread = new Thread(this::fanOut, "stream-tail");
    }

    public void start() {
        reader.start();
        thread.start();
    }

    /** Waits until the current tokens are known and the tail follows the end of the topics. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the tail's thread, in order with the records handed to the listener. */
    public void submit(Runnable task) {
        work.add(task);
    }

    /** Only for tasks running on the tail's thread. */
    public TokenTable tokens() {
        return tokens;
    }

    /**
     * One past the last offset of the stream's topic whose record has been handed to the listener (records before it
     * that were not handed over are transaction markers, aborted or invalid). Exact on the tail's thread, where no
     * read is in progress between tasks; elsewhere it may already be behind. Empty if the topic is not read.
     */
    public OptionalLong position(String stream) {
        Long at = delivered.get(stream);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    public long invalidRecords() {
        return invalidRecords.get();
    }

    private void read() {
        try {
            Set<TopicPartition> partitions = existingPartitions();
            consumer.assign(partitions);
            seed(partitions);
            ready.countDown();
            while (running) {
                if (!readsAhead.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                ConsumerRecords<ByteBuffer, ByteBuffer> batch;
                try {
                    batch = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    readsAhead.release();
                    continue;
                }
                if (batch.isEmpty()) {
                    readsAhead.release();
                    continue;
                }
                Map<String, Long> readTo = new HashMap<>();
                for (TopicPartition tp : batch.partitions()) {
                    List<ConsumerRecord<ByteBuffer, ByteBuffer>> records = batch.records(tp);
                    readTo.put(streamOf.get(tp), records.get(records.size() - 1).offset() + 1);
                }
                Read read = new Read(decode(batch, true), readTo, caughtUp());
                work.add(() -> deliver(read));
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("stream reader stopped unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("stream reader failed", e);
        } finally {
            ready.countDown();
            consumer.close();
        }
    }

    private void deliver(Read read) {
        try {
            delivered.putAll(read.readTo());
            listener.onRecords(read.records(), read.caughtUp()::contains);
        } finally {
            readsAhead.release();
        }
    }

    /** The streams whose topic has nothing committed beyond what was read: their last group is complete. */
    private Set<String> caughtUp() {
        Set<String> out = new HashSet<>();
        for (TopicPartition tp : consumer.assignment()) {
            var lag = consumer.currentLag(tp);
            if (lag.isPresent() && lag.getAsLong() == 0) {
                out.add(streamOf.get(tp));
            }
        }
        return out;
    }

    private void fanOut() {
        while (running) {
            Runnable next;
            try {
                next = work.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("stream tail task failed", e);
            }
        }
    }

    private Set<TopicPartition> existingPartitions() {
        Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
        Set<TopicPartition> out = new HashSet<>();
        for (TopicPartition tp : streamOf.keySet()) {
            if (existing.contains(tp.topic())) {
                out.add(tp);
            } else {
                LOG.warn("topic {} does not exist (yet): stream {} is not served", tp.topic(), streamOf.get(tp));
            }
        }
        return out;
    }
    /** Reads the tail of each topic to learn the writers' tokens, then positions at the end. */
    private void seed(Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - seedRecords));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out reading the tail of the stream topics");
            }
            for (TailRecord r : decode(consumer.poll(Duration.ofMillis(200)), false)) {
                if (r.type() == StreamRecord.Type.RESET) {
                    tokens.reset(r.stream(), r.instance(), r.token());
                } else {
                    tokens.advance(r.stream(), r.instance(), r.token());
                }
            }
        }
        for (TopicPartition tp : partitions) {
            delivered.put(streamOf.get(tp), consumer.position(tp));
        }
    }

    private List<TailRecord> decode(ConsumerRecords<ByteBuffer, ByteBuffer> batch, boolean live) {
        List<TailRecord> out = new ArrayList<>(batch.count());
        // Partition by partition, as the batch's own iterator goes.
        for (TopicPartition tp : batch.partitions()) {
            String expected = streamOf.get(tp);
            for (ConsumerRecord<ByteBuffer, ByteBuffer> r : batch.records(tp)) {
                try {
                    TailRecord record = decoder.decode(r.value(), live);
                    if (!record.stream().equals(expected)) {
                        throw new InvalidRecordException("record of stream '" + record.stream() + "' in topic of '"
                                + expected + "'");
                    }
                    out.add(record);
                } catch (InvalidRecordException e) {
                    invalidRecords.incrementAndGet();
                    if (live) {
                        LOG.warn("skipping record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                                e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(10_000);
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
