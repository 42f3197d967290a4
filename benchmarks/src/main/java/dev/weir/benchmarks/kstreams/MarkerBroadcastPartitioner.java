package dev.weir.benchmarks.kstreams;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the first stage's output of Nexmark q5: counts by their key (the window start), as
 * the default partitioner would, and progress markers to every partition, since every
 * second-stage task waits for the progress of every first-stage task.
 */
final class MarkerBroadcastPartitioner implements StreamPartitioner<String, String> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, String value, int numPartitions) {
        if (!WindowResultMessages.isMarker(value)) {
            return Optional.empty();
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
