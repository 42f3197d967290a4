package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.weir.config.WeirConfig;
import dev.weir.internals.eventtime.TaskWatermark;
import dev.weir.internals.eventtime.UpstreamWatermarks;
import dev.weir.internals.graph.RepartitionEdge;
import dev.weir.internals.graph.SourceTransformation;
import dev.weir.internals.graph.Stage;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.keygroup.KeyGroups;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks the source topics against the pipeline and creates the internal topics: one
 * repartition topic per repartitioning {@code keyBy} (without time-based retention), one
 * compacted changelog per stateful stage, the dead-letter topic. A mismatch is a start-up error that names the numbers.
 */
public final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 60;
    /**
     * Repartition records carry their event time as record timestamp, and time-based retention
     * judges a segment by its records' timestamps: with the broker's default (7 days), records of
     * older events (a replay, a back-fill) would be deleted before the next stage read them.
     */
    static final Map<String, String> REPARTITION_TOPIC_CONFIG = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    private static final int MAX_OFFSET_METADATA_BYTES = 4096;

    private final Admin admin;
    private final WeirConfig config;

    public TopicProvisioner(Admin admin, WeirConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /** Resolves every stage's partition count, creating internal topics where missing. */
    public ResolvedTopology provision(List<Stage> stages) {
        Map<String, Integer> partitions = new HashMap<>(describeSources(stages));
        for (Stage stage : stages) {
            int stageCount = stagePartitions(stage, partitions);
            stage.changelogTopic(config.applicationId()).ifPresent(topic -> ensure(topic, stageCount,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), partitions));
            for (RepartitionEdge output : stage.outputs()) {
                int count = config.repartitionPartitions() > 0 ? config.repartitionPartitions() : stageCount;
                ensure(output.topic(), count, REPARTITION_TOPIC_CONFIG, partitions);
            }
        }
        int deadLetterPartitions = partitions.values().stream().max(Integer::compare).orElse(1);
        ensure(config.deadLetterTopic(), deadLetterPartitions, Map.of(), partitions);
        boolean lateDataTopic = stages.stream().flatMap(s -> s.nodes().stream())
                .anyMatch(Transformation::writesLateDataTopic);
        if (lateDataTopic) {
            ensure(ResolvedTopology.lateDataTopic(config.applicationId()), deadLetterPartitions, Map.of(), partitions);
        }
        ResolvedTopology topology = new ResolvedTopology(config.applicationId(), stages, partitions);
        checkWatermarkMetadata(topology);
        return topology;
    }

    /**
     * A downstream task commits every upstream task's watermark as offset metadata, which the
     * broker caps at {@code offset.metadata.max.bytes}: an upstream stage with too many
     * partitions would fail every checkpoint, so it fails the start instead.
     */
    private static void checkWatermarkMetadata(ResolvedTopology topology) {
        for (Stage stage : topology.stages()) {
            for (RepartitionEdge input : stage.inputs()) {
                Stage upstream = topology.upstreamOf(input);
                if (!topology.hasEventTime(upstream)) {
                    continue;
                }
                int upstreamTasks = topology.partitions(upstream);
                int length = TaskWatermark.maxMetadataLength(UpstreamWatermarks.maxSnapshotLength(upstreamTasks));
                if (length > MAX_OFFSET_METADATA_BYTES) {
                    throw new IllegalStateException("the watermarks of the " + upstreamTasks + " tasks writing "
                            + input.topic() + " take up to " + length + " bytes of offset metadata, more than the "
                            + MAX_OFFSET_METADATA_BYTES + " a broker keeps by default (offset.metadata.max.bytes): "
                            + "read fewer partitions in the stage before the repartition");
                }
            }
        }
    }

    private Map<String, Integer> describeSources(List<Stage> stages) {
        Set<String> external = new TreeSet<>();
        for (Stage stage : stages) {
            for (SourceTransformation source : stage.sources()) {
                external.add(source.source().topic());
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, TopicDescription> e : describe(external).entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalStateException("source topic '" + e.getKey() + "' does not exist: create it before "
                        + "starting the application (Weir creates only its internal topics)");
            }
            counts.put(e.getKey(), e.getValue().partitions().size());
        }
        return counts;
    }

    /** The partition count shared by a stage's sources, which must divide the key-group count. */
    private int stagePartitions(Stage stage, Map<String, Integer> partitions) {
        Integer count = null;
        String first = null;
        for (String topic : stage.sourceTopics()) {
            Integer n = partitions.get(topic);
            if (n == null) {
                continue;
            }
            if (!KeyGroups.divides(n, config.keyGroups())) {
                throw new IllegalStateException("topic '" + topic + "' has " + n + " partitions, which does not divide "
                        + "weir.key-groups=" + config.keyGroups() + ": choose a partition count that divides it, "
                        + "or a key-group count that the partition count divides");
            }
            if (count != null && count != n.intValue()) {
                throw new IllegalStateException("topics '" + first + "' (" + count + " partitions) and '" + topic + "' ("
                        + n + " partitions) are read by one stage and must have the same partition count");
            }
            count = n;
            first = topic;
        }
        if (count == null) {
            throw new IllegalStateException("stage " + stage.index() + " has no topic with a known partition count");
        }
        return count;
    }

    private void ensure(String topic, int partitionCount, Map<String, String> topicConfig, Map<String, Integer> known) {
        TopicDescription existing = describe(Set.of(topic)).get(topic);
        if (existing == null) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitionCount),
                    config.internalTopicReplicationFactor() < 0 ? Optional.empty()
                            : Optional.of(config.internalTopicReplicationFactor()))
                    .configs(topicConfig);
            try {
                admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create internal topic '" + topic + "': " + e.getCause(), e);
                }
            } catch (InterruptedException | TimeoutException e) {
                throw interrupted("create topic " + topic, e);
            }
            known.put(topic, partitionCount);
            return;
        }
        int actual = existing.partitions().size();
        if (actual != partitionCount && !topic.equals(config.deadLetterTopic())) {
            throw new IllegalStateException("internal topic '" + topic + "' has " + actual + " partitions but the "
                    + "pipeline needs " + partitionCount + "; rescaling internal topics goes through a savepoint");
        }
        known.put(topic, actual);
    }

    private Map<String, TopicDescription> describe(Set<String> topics) {
        Map<String, TopicDescription> result = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(topics);
        var futures = admin.describeTopics(names).topicNameValues();
        for (String name : names) {
            try {
                result.put(name, futures.get(name).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    result.put(name, null);
                } else {
                    throw new IllegalStateException("cannot describe topic '" + name + "': " + e.getCause(), e);
                }
            } catch (InterruptedException | TimeoutException e) {
                throw interrupted("describe topic " + name, e);
            }
        }
        return result;
    }

    private static IllegalStateException interrupted(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + " s: " + e, e);
    }
}
