package dev.weir.benchmarks.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the output topic with {@code read_committed} from given offsets on a thread of its own,
 * and notes when it first sees a record: the moment the restarted instance's first output was
 * committed, give or take one fetch (the fetch wait is kept at 5 ms for that).
 */
final class CommittedOutputWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicLong firstRecordMillis = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;

    /** Starts reading {@code topic} from {@code from} (every partition of the topic must be named). */
    CommittedOutputWatcher(String bootstrapServers, Map<TopicPartition, Long> from) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "weir-restart-benchmark-output-watcher",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>(from.keySet());
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        thread = new Thread(this::run, "weir-restart-output-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stopped) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    firstRecordMillis.compareAndSet(0, System.currentTimeMillis());
                    records.addAndGet(batch.count());
                }
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** When the first committed record was read, or 0 if none was yet. */
    long firstRecordMillis() {
        rethrow();
        return firstRecordMillis.get();
    }

    /** How many committed records were read so far. */
    long records() {
        rethrow();
        return records.get();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException("reading the output failed: " + e, e);
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
