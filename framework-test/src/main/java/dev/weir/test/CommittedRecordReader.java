package dev.weir.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the committed records of one topic with a consumer of its own: assigned to every
 * partition, no consumer group, {@code read_committed}. Records of aborted transactions and
 * transaction markers are therefore never seen.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class CommittedRecordReader<K, V> implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final KafkaConsumer<byte[], byte[]> consumer;

    /**
     * Connects a consumer; nothing is read yet.
     *
     * @param bootstrapServers  broker address
     * @param topic             topic to read
     * @param keyDeserializer   decodes keys
     * @param valueDeserializer decodes values
     * @param overrides         consumer settings that win over the defaults
     */
    CommittedRecordReader(String bootstrapServers, String topic, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer, Map<String, Object> overrides) {
        this.topic = topic;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "weir-exactly-once-checker");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Large batches: the checker may have to read millions of records.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        // Closing the consumer waits for the fetch still parked at the broker; keep it short.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.putAll(overrides);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Reads every committed record from the beginning up to the end offsets as of the start
     * of this call. Under {@code read_committed} an end offset is the last stable offset, so
     * records of a transaction still open are left out rather than waited for.
     *
     * @param visitor receives each decoded record, in offset order within each partition
     * @param timeout how long reading may take in total
     * @throws AssertionError if the end offsets are not reached within the timeout
     */
    void readToEnd(Consumer<ObservedRecord<K, V>> visitor, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = partitions(timeout);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, timeout);
        Set<TopicPartition> unfinished = new HashSet<>(partitions);
        while (!finish(unfinished, endOffsets)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("reading topic " + topic + " did not reach the end offsets "
                        + endOffsets + " within " + timeout + "; still reading " + unfinished);
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                // Records committed after the end offsets were taken belong to a later check.
                if (record.offset() < endOffsets.get(partition)) {
                    visitor.accept(decode(record));
                }
            }
        }
    }

    /**
     * Counts committed records from the beginning until at least {@code target} were seen.
     *
     * @param target  how many records to wait for
     * @param timeout how long to wait at most
     * @return the number of records counted, at least {@code target}
     * @throws AssertionError if fewer were committed within the timeout
     */
    long countAtLeast(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // The topic may be created by the very pipeline whose output is awaited.
        Polling.await(() -> !consumer.partitionsFor(topic, timeout).isEmpty(), timeout,
                () -> "topic " + topic + " does not exist after " + timeout);
        List<TopicPartition> partitions = partitions(timeout);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long counted = 0;
        while (counted < target) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("topic " + topic + " has " + counted
                        + " committed records after " + timeout + ", expected at least " + target);
            }
            counted += consumer.poll(POLL_TIMEOUT).count();
        }
        return counted;
    }

    private List<TopicPartition> partitions(Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toList());
    }

    /** Drops and pauses the partitions whose position reached their end offset. */
    private boolean finish(Set<TopicPartition> unfinished, Map<TopicPartition, Long> endOffsets) {
        Set<TopicPartition> finished = unfinished.stream()
                .filter(p -> consumer.position(p) >= endOffsets.get(p))
                .collect(Collectors.toSet());
        consumer.pause(finished);
        unfinished.removeAll(finished);
        return unfinished.isEmpty();
    }

    private ObservedRecord<K, V> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            K key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
            V value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
            return new ObservedRecord<>(record.partition(), record.offset(), key, value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not decode the record at " + record.topic() + "-"
                    + record.partition() + ":" + record.offset(), e);
        }
    }

    /** Closes the consumer. */
    @Override
    public void close() {
        consumer.close();
    }
}
