package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.internals.graph.Stage;
import dev.weir.internals.graph.StagePlanner;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.PipelineBuilder;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeirPartitionAssignorTest {

    private static final String APP = "shop";
    private static final String ORDERS = "orders";
    private static final String PAYMENTS = "payments";
    private static final String REPARTITION = "shop-per-customer-repartition";
    private static final int PARTITIONS = 4;
    private static final Node NODE = new Node(1, "localhost", 9092);

    private ResolvedTopology topology;
    private Cluster cluster;

    @BeforeEach
    void twoStagesTheFirstReadingTwoCoPartitionedTopics() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> orders = builder.source(KafkaSource.values(ORDERS, new StringDeserializer()));
        DataStream<String> payments = builder.source(KafkaSource.values(PAYMENTS, new StringDeserializer()));
        orders.union(payments)
                .keyBy(v -> v, Serdes.String(), Serdes.String())
                .process(new KeyedProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, Context<String> context, Collector<String> out) {
                        out.collect(value);
                    }
                }).uid("per-customer")
                .sinkTo(KafkaSink.values("out", new StringSerializer()));
        List<Stage> stages = StagePlanner.plan(builder.build().graph(), APP);
        topology = new ResolvedTopology(APP, stages,
                Map.of(ORDERS, PARTITIONS, PAYMENTS, PARTITIONS, REPARTITION, PARTITIONS));

        List<PartitionInfo> partitions = new ArrayList<>();
        for (String topic : List.of(ORDERS, PAYMENTS, REPARTITION, "out", "unrelated")) {
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new PartitionInfo(topic, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
            }
        }
        cluster = new Cluster("cluster-1", List.of(NODE), partitions, Set.of(), Set.of());
    }

    private WeirPartitionAssignor assignor(Set<TaskId> localTasks) {
        return assignor(localTasks, "instance-x", "", new ClusterView());
    }

    private WeirPartitionAssignor assignor(Set<TaskId> localTasks, String instance, String endpoint, ClusterView view) {
        WeirPartitionAssignor assignor = new WeirPartitionAssignor();
        assignor.configure(Map.of(ClientConfigs.ASSIGNMENT_CONTEXT,
                new AssignmentContext(topology, () -> localTasks, instance, endpoint, view)));
        return assignor;
    }

    private Subscription subscription(Set<TaskId> localTasks, List<TopicPartition> owned) {
        ByteBuffer userData = assignor(localTasks).subscriptionUserData(topology.sourceTopics());
        return new Subscription(new ArrayList<>(topology.sourceTopics()), userData, owned);
    }

    private Subscription subscription(String instance, String endpoint) {
        ByteBuffer userData = assignor(Set.of(), instance, endpoint, new ClusterView())
                .subscriptionUserData(topology.sourceTopics());
        return new Subscription(new ArrayList<>(topology.sourceTopics()), userData, List.of());
    }

    private Map<String, List<TopicPartition>> assign(Map<String, Subscription> subscriptions) {
        Map<String, Assignment> result = assignor(Set.of()).assign(cluster, new GroupSubscription(subscriptions))
                .groupAssignment();
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        result.forEach((member, assignment) -> partitions.put(member, assignment.partitions()));
        return partitions;
    }

    private static List<TopicPartition> task(int partition, String... topics) {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topics) {
            result.add(new TopicPartition(topic, partition));
        }
        return result;
    }

    @Test
    void everyPartitionOfEveryConsumedTopicIsAssignedExactlyOnce() {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        for (String member : List.of("m-1", "m-2", "m-3")) {
            subscriptions.put(member, subscription(Set.of(), List.of()));
        }

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        List<TopicPartition> all = assignment.values().stream().flatMap(List::stream).collect(Collectors.toList());
        List<TopicPartition> expected = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            expected.addAll(task(p, ORDERS, PAYMENTS, REPARTITION));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(assignment).containsOnlyKeys("m-1", "m-2", "m-3");
    }

    @Test
    void partitionPOfCoPartitionedTopicsGoesToOneMemberAsOneTask() {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        for (String member : List.of("m-1", "m-2", "m-3")) {
            subscriptions.put(member, subscription(Set.of(), List.of()));
        }

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        for (List<TopicPartition> partitions : assignment.values()) {
            Set<Integer> orders = partitionsOf(partitions, ORDERS);
            assertThat(partitionsOf(partitions, PAYMENTS)).as("payments next to orders in %s", partitions).isEqualTo(orders);
        }
        assertThat(assignment.values()).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
    }

    @Test
    void ownedTasksStayWithTheirOwners() {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        List<TopicPartition> ownedByOne = new ArrayList<>(task(3, ORDERS, PAYMENTS));
        ownedByOne.addAll(task(0, REPARTITION));
        List<TopicPartition> ownedByTwo = new ArrayList<>(task(0, ORDERS, PAYMENTS));
        ownedByTwo.addAll(task(3, REPARTITION));
        subscriptions.put("m-1", subscription(Set.of(), ownedByOne));
        subscriptions.put("m-2", subscription(Set.of(), ownedByTwo));

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        assertThat(assignment.get("m-1")).containsAll(ownedByOne).hasSize(6);
        assertThat(assignment.get("m-2")).containsAll(ownedByTwo).hasSize(6);
    }

    @Test
    void aJoiningMemberGetsNoPartitionAnotherMemberStillOwns() {
        List<TopicPartition> everything = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            everything.addAll(task(p, ORDERS, PAYMENTS, REPARTITION));
        }
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        subscriptions.put("m-1", subscription(Set.of(), everything));
        subscriptions.put("m-2", subscription(Set.of(), List.of()));

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        assertThat(assignment.get("m-1")).hasSize(6);
        assertThat(assignment.get("m-2")).isEmpty();
        assertThat(partitionsOf(assignment.get("m-1"), ORDERS)).isEqualTo(partitionsOf(assignment.get("m-1"), PAYMENTS));
    }

    @Test
    void localStateAdvertisedInTheSubscriptionDrawsItsTasks() {
        Set<TaskId> local = Set.of(new TaskId(0, 0), new TaskId(0, 1), new TaskId(1, 0), new TaskId(1, 1));
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        subscriptions.put("m-1", subscription(Set.of(), List.of()));
        subscriptions.put("m-2", subscription(local, List.of()));

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        List<TopicPartition> expected = new ArrayList<>();
        expected.addAll(task(0, ORDERS, PAYMENTS, REPARTITION));
        expected.addAll(task(1, ORDERS, PAYMENTS, REPARTITION));
        assertThat(assignment.get("m-2")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void subscriptionUserDataCarriesTheInstanceItsEndpointAndItsLocalTasks() {
        ByteBuffer data = assignor(Set.of(new TaskId(1, 0), new TaskId(0, 3)), "i-1", "10.0.0.7:8080", new ClusterView())
                .subscriptionUserData(topology.sourceTopics());

        AssignmentCodec.MemberInfo info = AssignmentCodec.decodeSubscription(data);
        assertThat(info.instanceId()).isEqualTo("i-1");
        assertThat(info.endpoint()).isEqualTo("10.0.0.7:8080");
        assertThat(info.localTasks()).containsExactlyInAnyOrder(new TaskId(1, 0), new TaskId(0, 3));
    }

    @Test
    void everyAssignmentTellsEveryMemberWhichInstanceAndEndpointOwnsEachTask() {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        subscriptions.put("m-1", subscription("i-1", "host-a:8080"));
        subscriptions.put("m-2", subscription("i-1", "host-a:8080"));
        subscriptions.put("m-3", subscription("i-2", "host-b:8080"));
        Map<String, Assignment> assignments = assignor(Set.of()).assign(cluster, new GroupSubscription(subscriptions))
                .groupAssignment();

        for (Map.Entry<String, Assignment> e : assignments.entrySet()) {
            ClusterView view = new ClusterView();
            assignor(Set.of(), "any", "", view).onAssignment(e.getValue(), new ConsumerGroupMetadata("g", 7, e.getKey(), Optional.empty()));
            for (Map.Entry<String, Assignment> owner : assignments.entrySet()) {
                String instance = owner.getKey().equals("m-3") ? "i-2" : "i-1";
                String endpoint = owner.getKey().equals("m-3") ? "host-b:8080" : "host-a:8080";
                for (TopicPartition partition : owner.getValue().partitions()) {
                    assertThat(view.ownerOf(topology.taskOf(partition)))
                            .contains(new ClusterView.Owner(instance, endpoint));
                }
            }
        }
    }

    @Test
    void theClusterViewKeepsTheNewestGenerationsOwners() {
        Map<String, Subscription> oneMember = Map.of("m-1", subscription("i-1", "host-a:8080"));
        Map<String, Subscription> otherMember = Map.of("m-2", subscription("i-2", "host-b:8080"));
        Assignment older = assignor(Set.of()).assign(cluster, new GroupSubscription(oneMember)).groupAssignment().get("m-1");
        Assignment newer = assignor(Set.of()).assign(cluster, new GroupSubscription(otherMember)).groupAssignment().get("m-2");
        ClusterView view = new ClusterView();
        WeirPartitionAssignor assignor = assignor(Set.of(), "any", "", view);

        assignor.onAssignment(newer, new ConsumerGroupMetadata("g", 5, "m-2", Optional.empty()));
        assignor.onAssignment(older, new ConsumerGroupMetadata("g", 4, "m-1", Optional.empty()));

        assertThat(view.ownerOf(new TaskId(0, 0))).contains(new ClusterView.Owner("i-2", "host-b:8080"));
    }

    @Test
    void malformedUserDataIsIgnored() {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        subscriptions.put("m-1", new Subscription(new ArrayList<>(topology.sourceTopics()),
                ByteBuffer.wrap("garbage,,x_y,_1".getBytes(StandardCharsets.UTF_8)), List.of()));
        subscriptions.put("m-2", new Subscription(new ArrayList<>(topology.sourceTopics()), null, List.of()));

        Map<String, List<TopicPartition>> assignment = assign(subscriptions);

        assertThat(assignment.values().stream().mapToInt(List::size).sum()).isEqualTo(3 * PARTITIONS);
    }

    @Test
    void aStageWithoutMetadataForItsTopicsGetsNoTasks() {
        cluster = new Cluster("cluster-1", List.of(NODE), List.of(), Set.of(), Set.of());
        Map<String, Subscription> subscriptions = Map.of("m-1", subscription(Set.of(), List.of()));

        assertThat(assign(subscriptions).get("m-1")).isEmpty();
    }

    @Test
    void theAssignorIsCooperativeAndNamedWeir() {
        WeirPartitionAssignor assignor = assignor(Set.of());

        assertThat(assignor.supportedProtocols()).containsExactly(RebalanceProtocol.COOPERATIVE);
        assertThat(assignor.name()).isEqualTo("weir");
    }

    @Test
    void theAssignorRefusesToRunOutsideAWeirWorker() {
        assertThatThrownBy(() -> new WeirPartitionAssignor().configure(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Weir worker");
    }

    private static Set<Integer> partitionsOf(List<TopicPartition> partitions, String topic) {
        Set<Integer> result = new HashSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> result.add(tp.partition()));
        return result;
    }
}
