package dev.weir.internals.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.weir.internals.graph.RepartitionEdge;
import dev.weir.internals.graph.Stage;
import org.apache.kafka.common.TopicPartition;

/** The stages of a pipeline with the partition count of every topic they read and write. */
public final class ResolvedTopology {

    private final String applicationId;
    private final List<Stage> stages;
    private final Map<String, Integer> partitionsByTopic;
    private final Map<String, Stage> stageBySourceTopic = new HashMap<>();

    public ResolvedTopology(String applicationId, List<Stage> stages, Map<String, Integer> partitionsByTopic) {
        this.applicationId = applicationId;
        this.stages = List.copyOf(stages);
        this.partitionsByTopic = Map.copyOf(partitionsByTopic);
        for (Stage stage : stages) {
            stage.sourceTopics().forEach(t -> stageBySourceTopic.put(t, stage));
        }
    }

    public String applicationId() {
        return applicationId;
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    /** The partition count of a topic the pipeline reads or writes internally. */
    public int partitions(String topic) {
        Integer count = partitionsByTopic.get(topic);
        if (count == null) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        return count;
    }

    /** The number of tasks of a stage: the partition count of its (co-partitioned) source topics. */
    public int partitions(Stage stage) {
        return partitions(stage.sourceTopics().iterator().next());
    }

    /** Every task of every stage. */
    public Set<TaskId> tasks() {
        Set<TaskId> result = new TreeSet<>();
        for (Stage stage : stages()) {
            for (int p = 0; p < partitions(stage); p++) {
                result.add(new TaskId(stage.index(), p));
            }
        }
        return result;
    }

    /** Every topic consumed, for the subscription. */
    public Set<String> sourceTopics() {
        return new TreeSet<>(stageBySourceTopic.keySet());
    }

    /** The task that reads a consumed partition. */
    public TaskId taskOf(TopicPartition partition) {
        Stage stage = stageBySourceTopic.get(partition.topic());
        return stage == null ? null : new TaskId(stage.index(), partition.partition());
    }

    /** The consumed partitions of a task. */
    public Set<TopicPartition> partitionsOf(TaskId task) {
        Set<TopicPartition> result = new java.util.LinkedHashSet<>();
        stage(task.stage()).sourceTopics().forEach(t -> result.add(new TopicPartition(t, task.partition())));
        return result;
    }

    /** The topic window operators write late elements to unless told otherwise: {@code <app>-late}. */
    public String lateDataTopic() {
        return lateDataTopic(applicationId);
    }

    /** The late-data topic of an application. */
    public static String lateDataTopic(String applicationId) {
        return applicationId + "-late";
    }

    /** The stage that writes a repartition topic. */
    public Stage upstreamOf(RepartitionEdge edge) {
        for (Stage stage : stages) {
            if (stage.outputs().contains(edge)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("no stage writes " + edge.topic());
    }

    /**
     * Whether a stage's elements carry event time: one of its sources has a watermark strategy,
     * or a stage it reads from has event time.
     */
    public boolean hasEventTime(Stage stage) {
        return stage.sources().stream().anyMatch(s -> s.watermarkStrategy() != null)
                || stage.inputs().stream().anyMatch(edge -> hasEventTime(upstreamOf(edge)));
    }

    /** The directory name of a task's state: {@code <store>-<partition>}, stable across pipeline edits that keep the store. */
    public String stateDirectoryName(TaskId task) {
        return stage(task.stage()).storeName().orElseThrow() + "-" + task.partition();
    }
}
