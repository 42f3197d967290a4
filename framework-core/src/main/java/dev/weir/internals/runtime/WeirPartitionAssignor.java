package dev.weir.internals.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer-group assignor of Weir workers: it assigns whole tasks (partition {@code p} of
 * every co-partitioned source topic of a stage together), cooperatively, balanced by
 * {@link TaskBalancer}. Each member's subscription carries the tasks it has local state for.
 */
public final class WeirPartitionAssignor implements ConsumerPartitionAssignor, Configurable {

    private AssignmentContext context;

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(ClientConfigs.ASSIGNMENT_CONTEXT);
        if (!(value instanceof AssignmentContext)) {
            throw new IllegalStateException("the Weir assignor runs only inside a Weir worker");
        }
        this.context = (AssignmentContext) value;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        String tasks = context.localTasks().get().stream().sorted().map(TaskId::toString)
                .collect(Collectors.joining(","));
        return ByteBuffer.wrap(tasks.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        ResolvedTopology topology = context.topology();
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        List<TaskId> tasks = new ArrayList<>();
        for (var stage : topology.stages()) {
            int partitions = Integer.MAX_VALUE;
            for (String topic : stage.sourceTopics()) {
                Integer count = metadata.partitionCountForTopic(topic);
                partitions = Math.min(partitions, count == null ? 0 : count);
            }
            for (int p = 0; p < partitions && partitions != Integer.MAX_VALUE; p++) {
                tasks.add(new TaskId(stage.index(), p));
            }
        }
        Map<TaskId, String> owners = new HashMap<>();
        Map<String, Set<TaskId>> localState = new HashMap<>();
        for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
            for (TopicPartition owned : e.getValue().ownedPartitions()) {
                TaskId task = topology.taskOf(owned);
                if (task != null) {
                    owners.putIfAbsent(task, e.getKey());
                }
            }
            localState.put(e.getKey(), decodeTasks(e.getValue().userData()));
        }
        List<String> members = subscriptions.keySet().stream().sorted().collect(Collectors.toList());
        Map<String, List<TaskId>> byMember = TaskBalancer.assign(tasks, members, owners, localState);
        Map<String, Assignment> assignments = new HashMap<>();
        byMember.forEach((member, memberTasks) -> {
            List<TopicPartition> partitions = new ArrayList<>();
            memberTasks.forEach(t -> partitions.addAll(topology.partitionsOf(t)));
            assignments.put(member, new Assignment(partitions));
        });
        return new GroupAssignment(assignments);
    }

    private static Set<TaskId> decodeTasks(ByteBuffer data) {
        Set<TaskId> tasks = new HashSet<>();
        if (data == null || !data.hasRemaining()) {
            return tasks;
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        for (String text : new String(bytes, StandardCharsets.UTF_8).split(",")) {
            TaskId task = TaskId.parse(text);
            if (task != null) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE);
    }

    @Override
    public String name() {
        return "weir";
    }
}
