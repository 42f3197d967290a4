package dev.weir.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Input for a keyed test pipeline: record {@code i} has key {@code key(i)} and value
 * {@code value(i)}; produced in the background, so that instances can be killed mid-stream.
 */
final class KeyedInput {

    private final String bootstrapServers;
    private final String topic;
    private final IntFunction<String> key;
    private final IntFunction<String> value;

    KeyedInput(String bootstrapServers, String topic, IntFunction<String> key, IntFunction<String> value) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.key = key;
        this.value = value;
    }

    String topic() {
        return topic;
    }

    /** Produces records {@code from} (inclusive) to {@code to} (exclusive), in a background thread. */
    CompletableFuture<Void> produceInBackground(int from, int to) {
        return CompletableFuture.runAsync(() -> produce(from, to));
    }

    /** Produces records {@code from} (inclusive) to {@code to} (exclusive) and flushes them. */
    void produce(int from, int to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024), new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, key.apply(i), value.apply(i)));
            }
            producer.flush();
        }
    }

    /** The values each key must show, in order, for records {@code 0} to {@code to} copied as they are. */
    Map<String, List<String>> values(int to) {
        Map<String, List<String>> expected = new HashMap<>();
        for (int i = 0; i < to; i++) {
            expected.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(value.apply(i));
        }
        return expected;
    }

    /** The running count each record key must show, in order, after records {@code 0} to {@code to}. */
    Map<String, List<Long>> runningCounts(int to) {
        return runningCounts(to, key);
    }

    /** The running count each {@code countedKey} must show, in order, after records {@code 0} to {@code to}. */
    static Map<String, List<Long>> runningCounts(int to, IntFunction<String> countedKey) {
        Map<String, List<Long>> expected = new HashMap<>();
        for (int i = 0; i < to; i++) {
            List<Long> counts = expected.computeIfAbsent(countedKey.apply(i), k -> new ArrayList<>());
            counts.add((long) counts.size() + 1);
        }
        return expected;
    }
}
