package dev.weir.benchmarks.kstreams;

import org.apache.kafka.streams.Topology;

/** The Kafka Streams topology of each benchmark workload. */
public final class WorkloadTopologies {

    private WorkloadTopologies() {
    }

    /**
     * Builds the topology of a workload.
     *
     * @param workload        passthrough, window-count, fraud, nexmark-q5 or nexmark-q7
     * @param input           the input topic
     * @param output          the output topic
     * @param inputPartitions the input topic's partition count, which Nexmark q5 repartitions to
     * @return the topology
     * @throws IllegalArgumentException for an unknown workload
     */
    public static Topology forWorkload(String workload, String input, String output, int inputPartitions) {
        return switch (workload) {
            case "passthrough" -> PassThroughTopology.build(input, output);
            case "window-count" -> WindowCountTopology.build(input, output);
            case "fraud" -> FraudTopology.build(input, output);
            case "nexmark-q5" -> NexmarkQ5Topology.build(input, output, inputPartitions);
            case "nexmark-q7" -> NexmarkQ7Topology.build(input, output);
            default -> throw new IllegalArgumentException("unknown workload '" + workload
                    + "'; known: passthrough, window-count, fraud, nexmark-q5, nexmark-q7");
        };
    }
}
