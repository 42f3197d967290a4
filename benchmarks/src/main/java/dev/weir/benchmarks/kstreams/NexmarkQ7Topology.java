package dev.weir.benchmarks.kstreams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Nexmark query 7, highest bid: in tumbling 10 s windows of bids, every bid at the window's
 * highest price, written as {@code <windowStart>:<auction>:<bidder>:<price>} keyed by
 * {@code <windowStart>} when the window closes (grace 1 s, {@link EmitStrategy#onWindowClose()}).
 *
 * <p>The maximum is global, so the bids meet under one key in a repartition topic of one
 * partition, where one task aggregates them. Keying by window start instead would spread the
 * windows over partitions, but a task's stream time only moves with its own records: a window
 * would close only when a later window that hashes to the same partition gets a bid.
 */
public final class NexmarkQ7Topology {

    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final String ALL_BIDS = "all";

    private NexmarkQ7Topology() {
    }

    /**
     * Builds the topology.
     *
     * @param input  the Nexmark events topic
     * @param output the output topic
     * @return the topology
     */
    public static Topology build(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .filter((key, value) -> Bid.isBid(value))
                .selectKey((key, value) -> ALL_BIDS)
                .repartition(Repartitioned.<String, String>with(Serdes.String(), Serdes.String())
                        .withName("all-bids").withNumberOfPartitions(1))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(SIZE, GRACE))
                .emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(() -> HighestBids.NONE, (key, value, highest) -> highest.add(Bid.parse(value)),
                        Materialized.<String, HighestBids, WindowStore<Bytes, byte[]>>as("highest-bids")
                                .withKeySerde(Serdes.String()).withValueSerde(HighestBids.SERDE))
                .toStream()
                .flatMap((window, highest) -> {
                    long start = window.window().start();
                    return highest.bids().stream()
                            .map(bid -> KeyValue.pair(Long.toString(start), start + ":" + bid + ":" + highest.price()))
                            .toList();
                })
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
