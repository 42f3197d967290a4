package dev.weir.benchmarks.kstreams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The passthrough workload: every input record is written to the output with its key, value
 * and timestamp (Kafka Streams forwards the input record's timestamp to the sink).
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param input  the input topic
     * @param output the output topic
     * @return the topology
     */
    public static Topology build(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
