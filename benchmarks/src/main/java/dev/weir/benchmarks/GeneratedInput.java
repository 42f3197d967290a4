package dev.weir.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.weir.benchmarks.workloads.InputGenerator;
import dev.weir.benchmarks.workloads.InputRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An input topic pre-loaded from an {@link InputGenerator}, and what the checks need of it: its
 * end offsets (the runs are done when a group has committed them) and, read back once, its records
 * with their partitions and timestamps (what the outputs are checked against).
 */
final class GeneratedInput {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    /** How old the first record's event time is: well within retention, and in the past however long the input. */
    private static final Duration EVENT_TIME_AGE = Duration.ofHours(6);
    private static final long MINUTE = 60_000;

    final String topic;
    final int partitions;
    final long records;
    final Map<TopicPartition, Long> endOffsets;
    final double loadSeconds;
    private final String bootstrapServers;
    private List<ConsumerRecord<String, String>> readBack;

    private GeneratedInput(String topic, int partitions, long records, Map<TopicPartition, Long> endOffsets,
                           double loadSeconds, String bootstrapServers) {
        this.topic = topic;
        this.partitions = partitions;
        this.records = records;
        this.endOffsets = Map.copyOf(endOffsets);
        this.loadSeconds = loadSeconds;
        this.bootstrapServers = bootstrapServers;
    }

    static GeneratedInput load(KafkaTools kafka, String bootstrapServers, String topic, int partitions, long records,
                               InputGenerator generator) {
        kafka.createTopic(topic, partitions);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        InputRecord first = generator.next();
        long shift = recentShift(first.timestamp());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers, "loader"),
                new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                InputRecord r = i == 0 ? first : generator.next();
                producer.send(new ProducerRecord<>(topic, null, r.timestamp() + shift, r.key(), r.value()), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading " + topic + " failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<TopicPartition, Long> ends = kafka.endOffsets(topic, partitions);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        if (total != records) {
            throw new IllegalStateException("the input topic " + topic + " holds " + total + " records, expected "
                    + records + " (does it exist from an earlier run?)");
        }
        return new GeneratedInput(topic, partitions, records, ends, seconds, bootstrapServers);
    }

    /**
     * How far to move the generators' event time (which starts in 2023) so that it starts
     * {@link #EVENT_TIME_AGE} ago: the broker deletes records older than its retention (a week)
     * by their timestamps, from the input and from the systems' changelogs alike. A whole number
     * of minutes, so that every record falls into the same windows, relative to the others.
     */
    static long recentShift(long firstTimestamp) {
        long shift = System.currentTimeMillis() - EVENT_TIME_AGE.toMillis() - firstTimestamp;
        return Math.floorDiv(shift, MINUTE) * MINUTE;
    }

    /** A producer for bulk loading: big batches, acks from all replicas. */
    static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "weir-benchmark-" + clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return config;
    }

    /** Every record of the input, read back once and kept. */
    synchronized List<ConsumerRecord<String, String>> records() {
        if (readBack == null) {
            readBack = readCommitted(bootstrapServers, endOffsets.keySet());
        }
        return readBack;
    }

    /** Forgets the records read back (they are read again when next asked for): they take much of the heap. */
    synchronized void release() {
        readBack = null;
    }

    /**
     * Every committed record of the partitions, up to their last stable offsets when called (a
     * transaction still open then is left out, as a read_committed consumer would).
     */
    static List<ConsumerRecord<String, String>> readCommitted(String bootstrapServers, Set<TopicPartition> partitions) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        List<ConsumerRecord<String, String>> result = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + ends.keySet() + " to " + ends + " within "
                            + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(result::add);
            }
        }
        return result;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
