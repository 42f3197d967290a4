package dev.weir.benchmarks.kstreams;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Nexmark query 5, hot items: in hopping windows of 10 s every 2 s, the auction(s) with the most
 * bids, written as {@code <windowStart>:<auction>:<count>} keyed by {@code <windowStart>}.
 *
 * <ol>
 *   <li>Stage one: bids keyed by auction are repartitioned (as many partitions as the input)
 *       and counted per auction and window; each window's counts are emitted when the task's
 *       stream time reaches the window's end + 1 s (grace 1 s,
 *       {@link EmitStrategy#onWindowClose()}). Beside the count, {@link WindowCloseMarker} tells
 *       how far each task has emitted.</li>
 *   <li>Stage two: the counts, keyed by window start, and the markers, sent to every partition,
 *       go through a second repartition topic to {@link HotAuctionsSelector}, which writes a
 *       window's hottest auctions once every stage-one partition has closed it.</li>
 * </ol>
 */
public final class NexmarkQ5Topology {

    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration ADVANCE = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final String OPEN_WINDOWS = "hot-auctions";
    private static final String STAGE_ONE_PROGRESS = "stage-one-progress";

    private NexmarkQ5Topology() {
    }

    /**
     * Builds the topology.
     *
     * @param input      the Nexmark events topic
     * @param output     the output topic
     * @param partitions the partition count of both repartition topics (the input's)
     * @return the topology
     */
    public static Topology build(String input, String output, int partitions) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> bidsByAuction = builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .filter((key, value) -> Bid.isBid(value))
                .selectKey((key, value) -> Long.toString(Bid.auctionOf(value)))
                .repartition(Repartitioned.<String, String>with(Serdes.String(), Serdes.String())
                        .withName("bids-by-auction").withNumberOfPartitions(partitions));
        // The count must be added to bidsByAuction before the marker: children receive a record
        // in the order they were added, and a marker must follow the counts it vouches for.
        KStream<String, String> counts = bidsByAuction.groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(SIZE, GRACE).advanceBy(ADVANCE))
                .emitStrategy(EmitStrategy.onWindowClose())
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("bids-per-auction")
                        .withKeySerde(Serdes.String()))
                .toStream()
                .map((window, count) -> KeyValue.pair(Long.toString(window.window().start()),
                        WindowResultMessages.count(window.key(), count)));
        KStream<String, String> markers = bidsByAuction.process(
                () -> new WindowCloseMarker(ADVANCE.toMillis(), GRACE.toMillis()));
        counts.merge(markers)
                .repartition(Repartitioned.<String, String>with(Serdes.String(), Serdes.String())
                        .withName("counts-by-window").withNumberOfPartitions(partitions)
                        .withStreamPartitioner(new MarkerBroadcastPartitioner()))
                .process(new SelectorSupplier(partitions))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Supplies the second stage of each task and declares its stores. */
    private static final class SelectorSupplier implements ProcessorSupplier<String, String, String, String> {

        private final int partitions;

        SelectorSupplier(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public Processor<String, String, String, String> get() {
            return new HotAuctionsSelector(partitions, SIZE.toMillis(), OPEN_WINDOWS, STAGE_ONE_PROGRESS);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_WINDOWS),
                            Serdes.Long(), Serdes.String()).withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STAGE_ONE_PROGRESS),
                            Serdes.Integer(), Serdes.Long()).withCachingEnabled());
        }
    }
}
