package dev.weir.benchmarks.kstreams;

import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The fraud workload: {@link FraudDetector} in a {@code process(...)} step with two persistent
 * (RocksDB) key-value stores. The input is keyed by account, so the rules run in the input's own
 * tasks, without a repartition. The stores are cached, as the DSL's are by default, so that an
 * account's updates within a commit interval reach RocksDB and the changelog once.
 */
public final class FraudTopology {

    private static final String PENDING_SMALL = "pending-small";
    private static final String RECENT = "recent-transactions";

    private FraudTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param input  the transactions topic
     * @param output the alerts topic
     * @return the topology
     */
    public static Topology build(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .process(new DetectorSupplier())
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Supplies the detector of each task and declares its stores. */
    private static final class DetectorSupplier implements ProcessorSupplier<String, String, String, String> {

        @Override
        public Processor<String, String, String, String> get() {
            return new FraudDetector(PENDING_SMALL, RECENT);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_SMALL),
                            Serdes.String(), Serdes.Long()).withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT),
                            Serdes.String(), new TimestampsSerde()).withCachingEnabled());
        }
    }
}
