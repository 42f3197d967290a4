package dev.weir.internals.runtime;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.weir.internals.runtime.AssignmentCodec.InstanceTasks;
import dev.weir.internals.runtime.AssignmentCodec.MemberInfo;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer-group assignor of Weir workers: it assigns whole tasks (partition {@code p} of
 * every co-partitioned source topic of a stage together), cooperatively, balanced by
 * {@link TaskBalancer}. Each member's subscription carries its instance, its query endpoint and
 * the tasks it has local state for; each assignment carries every instance's endpoint and tasks,
 * which the members keep in their {@link ClusterView}.
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
        return AssignmentCodec.encodeSubscription(
                new MemberInfo(context.instanceId(), context.endpoint(), context.localTasks().get()));
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
        Map<String, MemberInfo> members = new HashMap<>();
        for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
            for (TopicPartition owned : e.getValue().ownedPartitions()) {
                TaskId task = topology.taskOf(owned);
                if (task != null) {
                    owners.putIfAbsent(task, e.getKey());
                }
            }
            MemberInfo info = AssignmentCodec.decodeSubscription(e.getValue().userData());
            members.put(e.getKey(), info);
            localState.put(e.getKey(), info.localTasks());
        }
        List<String> memberIds = subscriptions.keySet().stream().sorted().collect(Collectors.toList());
        Map<String, List<TaskId>> byMember = TaskBalancer.assign(tasks, memberIds, owners, localState);
        ByteBuffer owned = AssignmentCodec.encodeAssignment(tasksByInstance(byMember, members));
        Map<String, Assignment> assignments = new HashMap<>();
        byMember.forEach((member, memberTasks) -> {
            List<TopicPartition> partitions = new ArrayList<>();
            memberTasks.forEach(t -> partitions.addAll(topology.partitionsOf(t)));
            assignments.put(member, new Assignment(partitions, owned.duplicate()));
        });
        return new GroupAssignment(assignments);
    }

    /** The tasks of each instance (an instance runs one member per worker), for the cluster view. */
    private static Map<String, InstanceTasks> tasksByInstance(Map<String, List<TaskId>> byMember,
                                                             Map<String, MemberInfo> members) {
        Map<String, InstanceTasks> result = new TreeMap<>();
        byMember.forEach((member, memberTasks) -> {
            MemberInfo info = members.get(member);
            String instance = info.instanceId().isEmpty() ? member : info.instanceId();
            InstanceTasks known = result.computeIfAbsent(instance,
                    i -> new InstanceTasks(info.endpoint(), new TreeSet<>()));
            known.tasks().addAll(memberTasks);
        });
        return result;
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        context.clusterView().update(metadata.generationId(), AssignmentCodec.decodeAssignment(assignment.userData()));
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
