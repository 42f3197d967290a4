package dev.weir.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The admin operations of the benchmark, each bounded in time. */
public final class KafkaTools implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;

    public KafkaTools(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "weir-benchmark-admin"));
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Creates a topic with the given topic configs, and waits until every partition has a leader. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        get(admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs)))
                .all(), "create topic " + name);
        // Wait until every partition's leader serves it (the metadata can name a leader that does
        // not yet: a produce then fails with NOT_LEADER_OR_FOLLOWER, and an idempotent producer's
        // retry of its first batch may be refused as out of sequence). Listing the partitions'
        // offsets asks each leader itself.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                boolean ready = get(admin.describeTopics(List.of(name)).allTopicNames(), "describe " + name)
                        .get(name).partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    endOffsets(name, partitions);
                    return;
                }
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + name + " has partitions without a leader");
            }
            sleep(50);
        }
    }

    /** Deletes the topics (those that exist) whose name equals one of the names or starts with a prefix. */
    public void deleteTopics(Set<String> names, String prefix) {
        Set<String> existing = get(admin.listTopics().names(), "list topics");
        List<String> doomed = existing.stream()
                .filter(t -> names.contains(t) || (prefix != null && t.startsWith(prefix)))
                .collect(Collectors.toList());
        if (!doomed.isEmpty()) {
            get(admin.deleteTopics(doomed).all(), "delete topics " + doomed);
        }
    }

    public void deleteGroup(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Best effort: a group that is still leaving stays behind, which costs nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The log-end offsets of every partition of the topic. */
    public Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                get(admin.listOffsets(request).all(), "list offsets of " + topic);
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The log-end offsets of every partition of the topic, however many it has. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        int partitions = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                .get(topic).partitions().size();
        return endOffsets(topic, partitions);
    }

    /** The group's committed offsets; partitions without one are absent. */
    public Map<TopicPartition, Long> committedOffsets(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "list offsets of group " + group);
        Map<TopicPartition, Long> result = new HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om.offset());
            }
        });
        return result;
    }

    List<String> topicsWithPrefix(String prefix) {
        return new ArrayList<>(get(admin.listTopics().names(), "list topics")).stream()
                .filter(t -> t.startsWith(prefix)).sorted().collect(Collectors.toList());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
