package dev.weir.internals.graph;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operators between Kafka topics: they read co-partitioned source topics (external ones
 * and repartition topics) and run chained inside one task per partition index.
 *
 * @param index the stage's number, stable for a given pipeline, upstream stages first
 * @param nodes the operators of the stage, in graph order
 * @param sources the external sources read
 * @param inputs the repartition topics read
 * @param outputs the repartition topics written
 * @param storeName the uid of the stage's first stateful operator, which names its state store
 *     and changelog; empty for a stateless stage
 */
public record Stage(int index, List<Transformation> nodes, List<SourceTransformation> sources,
                    List<RepartitionEdge> inputs, List<RepartitionEdge> outputs, Optional<String> storeName) {

    /** Every topic the stage reads, sorted; partition {@code p} of each of them belongs to task {@code p}. */
    public Set<String> sourceTopics() {
        Set<String> topics = new TreeSet<>();
        sources.forEach(s -> topics.add(s.source().topic()));
        inputs.forEach(e -> topics.add(e.topic()));
        return topics;
    }

    /** The stage's changelog topic, {@code <app>-<store>-changelog}, if it keeps state. */
    public Optional<String> changelogTopic(String applicationId) {
        return storeName.map(store -> applicationId + "-" + store + "-changelog");
    }

    /** Whether the stage keeps keyed state or timers. */
    public boolean isStateful() {
        return storeName.isPresent();
    }
}
