package dev.weir.chaos;

import java.time.Duration;
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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker says about the application's consumer group: which instance owns which input
 * partitions, and how far the committed offsets are behind the end of the input. The test reads
 * it from outside, the way an operator would, to time its chaos and to know when the input has
 * been processed.
 */
final class GroupView implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

    private final Admin admin;
    private final String group;
    private final String input;

    /**
     * Connects an admin client.
     *
     * @param bootstrapServers the broker
     * @param group            the consumer group, i.e. the application id
     * @param input            the input topic
     */
    GroupView(String bootstrapServers, String group, String input) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis() / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()));
        this.group = group;
        this.input = input;
    }

    /**
     * The input partitions each member of a stable group owns, by the member's client id; empty
     * while the group rebalances, since assignments are then in flux.
     *
     * @return owned input partitions by client id
     */
    Map<String, Set<Integer>> stableOwnership() {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group));
        Map<String, Set<Integer>> owned = new HashMap<>();
        if (description.groupState() != GroupState.STABLE) {
            return owned;
        }
        for (MemberDescription member : description.members()) {
            Set<Integer> partitions = new HashSet<>();
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(input)) {
                    partitions.add(partition.partition());
                }
            }
            owned.put(member.clientId(), partitions);
        }
        return owned;
    }

    /**
     * How many input records the group has not committed yet: the end offsets of the input minus
     * the group's committed offsets, summed over the partitions.
     *
     * @return records not yet processed
     */
    long unprocessed() {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < ChaosPlan.PARTITIONS; p++) {
            latest.put(new TopicPartition(input, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        long behind = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            behind += end.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return behind;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer: " + e, e);
        }
    }

    /** Closes the admin client. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
