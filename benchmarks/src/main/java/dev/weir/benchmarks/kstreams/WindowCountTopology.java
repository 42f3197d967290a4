package dev.weir.benchmarks.kstreams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The window-count workload: the count of each key's records in tumbling 10 s event-time
 * windows, written once per key and window as {@code <windowStart>:<count>} when the window
 * closes, i.e. once the task has seen a record stamped at or after the window's end + 1 s
 * (grace 1 s, {@link EmitStrategy#onWindowClose()}). The input is keyed, so the count runs in
 * the input's own tasks, without a repartition.
 */
public final class WindowCountTopology {

    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(1);

    private WindowCountTopology() {
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
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(SIZE, GRACE))
                .emitStrategy(EmitStrategy.onWindowClose())
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("window-counts")
                        .withKeySerde(Serdes.String()))
                .toStream()
                .map((window, count) -> KeyValue.pair(window.key(), window.window().start() + ":" + count))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
