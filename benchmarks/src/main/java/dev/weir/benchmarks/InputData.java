package dev.weir.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The input topic: {@code records} records with String keys drawn uniformly (seeded, so every
 * run of the benchmark writes the same topic) from {@code keys} distinct keys and String values
 * of {@code valueBytes} ASCII bytes, produced with Kafka's default partitioner, so the topic is
 * keyed. Remembers how many records each key has, which is what the outputs are checked against.
 */
final class InputData {

    private static final long SEED = 20_240_601L;

    final String topic;
    final long records;
    final int partitions;
    final String[] keys;
    final long[] recordsPerKey;
    /** The key index of each record, in order: what the windowed count is checked against. */
    final int[] keyOfRecord;
    final Map<TopicPartition, Long> endOffsets;
    final double loadSeconds;

    private InputData(String topic, long records, int partitions, String[] keys, long[] recordsPerKey,
                      int[] keyOfRecord, Map<TopicPartition, Long> endOffsets, double loadSeconds) {
        this.topic = topic;
        this.records = records;
        this.partitions = partitions;
        this.keys = keys;
        this.recordsPerKey = recordsPerKey;
        this.keyOfRecord = keyOfRecord;
        this.endOffsets = Map.copyOf(endOffsets);
        this.loadSeconds = loadSeconds;
    }

    static InputData load(KafkaTools kafka, String bootstrapServers, String topic, long records,
                          BenchmarkOptions options) {
        kafka.createTopic(topic, options.partitions);
        String[] keys = keyNames(options.keys);
        long[] perKey = new long[keys.length];
        int[] keyOfRecord = new int[Math.toIntExact(records)];
        String filler = "x".repeat(options.valueBytes);
        SplittableRandom random = new SplittableRandom(SEED);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "weir-benchmark-loader",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < records; i++) {
                int k = random.nextInt(keys.length);
                perKey[k]++;
                keyOfRecord[(int) i] = k;
                String prefix = Long.toString(i);
                String value = prefix.length() >= filler.length() ? prefix
                        : prefix + ':' + filler.substring(Math.min(filler.length(), prefix.length() + 1));
                // No partition: the default partitioner hashes the key, so the topic is keyed.
                producer.send(new ProducerRecord<>(topic, keys[k], value), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the input failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<TopicPartition, Long> ends = kafka.endOffsets(topic, options.partitions);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        if (total != records) {
            throw new IllegalStateException("the input topic " + topic + " holds " + total + " records, expected "
                    + records + " (does it exist from an earlier run?)");
        }
        return new InputData(topic, records, options.partitions, keys, perKey, keyOfRecord, ends, seconds);
    }

    /** {@code key-00000} … with as many digits as the largest index needs. */
    static String[] keyNames(int count) {
        int digits = Integer.toString(Math.max(0, count - 1)).length();
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            String n = Integer.toString(i);
            keys[i] = "key-" + "0".repeat(digits - n.length()) + n;
        }
        return keys;
    }

    long maxRecordsPerKey() {
        return Arrays.stream(recordsPerKey).max().orElse(0);
    }
}
