package dev.weir.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits until a multi-stage job has consumed its repartition topics too: the input's committed
 * offsets reaching its end only says the first stage is done, while records may still wait in
 * the {@code <group>-…-repartition} topics between stages (Weir and Kafka Streams name them so).
 * A partition is drained when nothing committed lies between the group's committed offset and
 * the partition's end: transaction markers, and records of aborted transactions, do not count,
 * which is why a {@code read_committed} consumer looks rather than comparing offsets.
 */
final class GroupDrain {

    private static final Duration LOOK = Duration.ofMillis(200);

    private GroupDrain() {
    }

    /**
     * @return why the group did not drain in time, or null once it has
     */
    static String await(KafkaTools kafka, String bootstrapServers, String group, Duration timeout,
                        Supplier<String> failed) {
        List<String> repartitionTopics = kafka.topicsWithPrefix(group + "-").stream()
                .filter(t -> t.endsWith("-repartition")).toList();
        if (repartitionTopics.isEmpty()) {
            return null;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(bootstrapServers)) {
            while (true) {
                Map<TopicPartition, Long> committed = kafka.committedOffsets(group);
                Map<TopicPartition, long[]> behind = new HashMap<>();
                for (String topic : repartitionTopics) {
                    kafka.endOffsets(topic).forEach((tp, end) -> {
                        long at = committed.getOrDefault(tp, 0L);
                        if (at < end) {
                            behind.put(tp, new long[] {at, end});
                        }
                    });
                }
                if (behind.isEmpty() || nothingCommittedBetween(consumer, behind)) {
                    return null;
                }
                String failure = failed.get();
                if (failure != null) {
                    return failure;
                }
                if (System.nanoTime() > deadline) {
                    return "records still waited in " + behind.keySet() + " after " + timeout;
                }
                KafkaTools.sleep(10);
            }
        }
    }

    /**
     * Whether a read_committed read of each partition from its committed offset to its end
     * ({from, end}) finds nothing. An open transaction holds the read back before the end: work
     * still in flight, so not drained.
     */
    private static boolean nothingCommittedBetween(KafkaConsumer<byte[], byte[]> consumer,
                                                   Map<TopicPartition, long[]> range) {
        consumer.assign(range.keySet());
        range.forEach((tp, fromTo) -> consumer.seek(tp, fromTo[0]));
        long deadline = System.nanoTime() + LOOK.toNanos();
        while (System.nanoTime() < deadline) {
            if (!consumer.poll(Duration.ofMillis(20)).isEmpty()) {
                return false;
            }
            boolean reachedEnd = range.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue()[1]);
            if (reachedEnd) {
                return true;
            }
        }
        return false;
    }

    private static KafkaConsumer<byte[], byte[]> readCommitted(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
