package dev.weir.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic back with {@code read_committed} (not timed) and checks it against the
 * input: as many records per key as the input has, and for the running count a last count per
 * key equal to that number. Both hold only if nothing is missing and nothing is there twice.
 */
final class OutputVerifier {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private OutputVerifier() {
    }

    /** What the check found. */
    record Verdict(long records, boolean ok, String summary) {
    }

    /**
     * @param countValues whether values are 8-byte longs (the running count) whose maximum per
     *                    key must equal the key's number of input records
     */
    static Verdict verify(String bootstrapServers, String topic, int partitions, InputData input, boolean countValues) {
        Map<String, Integer> keyIndex = new HashMap<>(input.keys.length * 2);
        for (int i = 0; i < input.keys.length; i++) {
            keyIndex.put(input.keys[i], i);
        }
        long[] seen = new long[input.keys.length];
        long[] maxCount = new long[input.keys.length];
        long[] records = new long[1];
        long[] unknownKeys = new long[1];
        String failure = readCommitted(bootstrapServers, topic, partitions, r -> {
            records[0]++;
            Integer k = r.key() == null ? null : keyIndex.get(new String(r.key(), StandardCharsets.UTF_8));
            if (k == null) {
                unknownKeys[0]++;
                return;
            }
            seen[k]++;
            if (countValues && r.value() != null && r.value().length == Long.BYTES) {
                maxCount[k] = Math.max(maxCount[k], ByteBuffer.wrap(r.value()).getLong());
            }
        });
        if (failure != null) {
            return new Verdict(records[0], false, failure);
        }
        long keysMissing = 0;
        long recordsMissing = 0;
        long keysDuplicated = 0;
        long recordsDuplicated = 0;
        long wrongCounts = 0;
        for (int k = 0; k < seen.length; k++) {
            long expected = input.recordsPerKey[k];
            if (seen[k] < expected) {
                keysMissing++;
                recordsMissing += expected - seen[k];
            } else if (seen[k] > expected) {
                keysDuplicated++;
                recordsDuplicated += seen[k] - expected;
            }
            if (countValues && maxCount[k] != input.recordsPerKey[k]) {
                wrongCounts++;
            }
        }
        boolean ok = records[0] == input.records && unknownKeys[0] == 0 && keysMissing == 0 && keysDuplicated == 0
                && wrongCounts == 0;
        String summary = ok ? "ok" : String.format(Locale.ROOT,
                "%,d records for %,d inputs: %,d missing (%d keys), %,d extra (%d keys)%s%s",
                records[0], input.records, recordsMissing, keysMissing, recordsDuplicated, keysDuplicated,
                countValues ? ", " + wrongCounts + " keys with a wrong final count" : "",
                unknownKeys[0] > 0 ? ", " + unknownKeys[0] + " records with unknown keys" : "");
        return new Verdict(records[0], ok, summary);
    }

    /**
     * Hands every committed record of {@code topic} to {@code sink}, reading to the end the
     * topic had when reading began.
     *
     * @return {@code null}, or why the topic could not be read to its end
     */
    static String readCommitted(String bootstrapServers, String topic, int partitions,
                                Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "weir-benchmark-verifier");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            // read_committed end offsets: the last stable offset, which all output is below once committed.
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    return "could not read " + topic + " to its end within " + READ_TIMEOUT;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
        }
        return null;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
