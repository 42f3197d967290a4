package dev.weir.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates and deletes topics and waits until the broker actually serves the result, so that
 * a test can produce right after the call returns.
 */
final class TopicAdmin implements AutoCloseable {

    private static final short REPLICATION_FACTOR = 1;

    private final Admin admin;
    private final Duration timeout;

    /**
     * Connects an admin client.
     *
     * @param bootstrapServers where the broker listens
     * @param timeout          how long one create or delete may take in total
     */
    TopicAdmin(String bootstrapServers, Duration timeout) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "weir-embedded-kafka-admin"));
        this.timeout = timeout;
    }

    /**
     * Creates a topic and waits until every partition has a leader that serves it: a leader in
     * the metadata is not enough, since a produce that reaches the partition before its leader
     * is ready fails and, retried behind later batches, can break an idempotent producer's
     * sequence.
     *
     * @param name         topic name
     * @param partitions   number of partitions
     * @param topicConfigs topic-level settings such as {@code cleanup.policy}
     */
    void create(String name, int partitions, Map<String, String> topicConfigs) {
        NewTopic topic = new NewTopic(name, partitions, REPLICATION_FACTOR).configs(topicConfigs);
        get(admin.createTopics(List.of(topic)).all(), "create topic " + name);
        Polling.await(() -> hasLeaders(name, partitions), timeout,
                () -> "topic " + name + " has no leader for every partition after " + timeout);
        Polling.await(() -> servesOffsets(name, partitions), timeout,
                () -> "topic " + name + " does not serve every partition after " + timeout);
    }

    /** Whether the leader of every partition answers a ListOffsets, which only a ready leader does. */
    private boolean servesOffsets(String name, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(name, p), OffsetSpec.latest());
        }
        try {
            admin.listOffsets(request).all().get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topic " + name, e);
        }
    }

    /**
     * Deletes a topic and waits until it is no longer listed.
     *
     * @param name topic name
     */
    void delete(String name) {
        get(admin.deleteTopics(List.of(name)).all(), "delete topic " + name);
        Polling.await(() -> !topicNames().contains(name), timeout,
                () -> "topic " + name + " is still listed " + timeout + " after its deletion");
    }

    private boolean hasLeaders(String name, int partitions) {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
        } catch (ExecutionException e) {
            // Right after creation the broker's metadata may not include the topic yet.
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("could not describe topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + name, e);
        }
        return description.partitions().size() == partitions
                && description.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    private Set<String> topicNames() {
        return get(admin.listTopics().names(), "list topics");
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    /** Closes the admin client. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
