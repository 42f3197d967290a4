package dev.weir.benchmarks.workloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a runner's consumer group has consumed everything: the input topic and the
 * repartition topics of the application ({@code <group>-…-repartition}, the naming of Weir and
 * of Kafka Streams), so that a pipeline with several stages counts as finished only once its
 * last stage has read its input to the end.
 *
 * <p>A committed offset short of the end offset still counts as the end when only transaction
 * markers lie between: a consumer stops just before the commit marker that ends a transactional
 * topic until it fetches again, and the group commits that position, one short of the end.
 * Aborted records in between count as consumed too: {@code read_committed} never delivers them.
 *
 * <p>Not thread-safe; close it when done.
 */
public final class GroupCompletion implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MARKER_SCAN = Duration.ofSeconds(1);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private String behind = "not checked yet";

    /** Connects an admin client and a {@code read_committed} consumer without a group. */
    public GroupCompletion(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Whether {@code group} has consumed every committed record of {@code input} and of its own
     * repartition topics.
     *
     * @throws IllegalStateException if the broker does not answer in time
     */
    public boolean finished(String group, String input) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<TopicPartition> partitions = new HashSet<>(partitions(input));
            for (String topic : admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (topic.startsWith(group + "-") && topic.endsWith("-repartition")) {
                    partitions.addAll(partitions(topic));
                }
            }
            // The log end, not the last stable offset: an open transaction is work still in flight.
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((p, info) -> ends.put(p, info.offset()));
            List<String> unfinished = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long at = offset == null ? 0 : offset.offset();
                long end = ends.get(partition);
                if (at < end && hasRecordsBetween(partition, at, end)) {
                    unfinished.add(partition + " at " + (offset == null ? "none" : at) + " of " + end);
                }
            }
            behind = String.join(", ", unfinished);
            return unfinished.isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the progress of group " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the progress of group " + group, e);
        }
    }

    /** The partitions the last {@link #finished} call found unfinished, with committed and end offsets. */
    public String behind() {
        return behind;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private boolean hasRecordsBetween(TopicPartition partition, long from, long to) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + MARKER_SCAN.toNanos();
        while (consumer.position(partition) < to && System.nanoTime() < deadline) {
            if (consumer.poll(Duration.ofMillis(100)).records(partition).stream().anyMatch(r -> r.offset() < to)) {
                return true;
            }
        }
        return consumer.position(partition) < to;
    }

    private List<TopicPartition> partitions(String topic) {
        List<TopicPartition> result = new ArrayList<>();
        consumer.partitionsFor(topic, TIMEOUT).forEach(info -> result.add(new TopicPartition(topic, info.partition())));
        return result;
    }
}
