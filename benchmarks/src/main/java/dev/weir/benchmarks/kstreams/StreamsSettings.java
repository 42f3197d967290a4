package dev.weir.benchmarks.kstreams;

import java.util.Properties;

import dev.weir.benchmarks.workloads.RunnerArguments;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of a benchmark run. */
public final class StreamsSettings {

    /**
     * Kafka Streams' internal setting for how often, in wall-clock milliseconds, a windowed
     * aggregation with {@code EmitStrategy.onWindowClose()} looks for closed windows (1000 by
     * default). The look happens only when a record arrives, so with the default the windows
     * closed by the last records of the input could stay unemitted until the next record comes
     * more than a second later, and a window is due at its end + 1 s of stream time, not up to
     * a wall-clock second after that. At 0 the aggregation looks on every record, which costs a
     * comparison unless a window boundary was crossed. The second stage of Nexmark q5 relies on
     * it: see {@link WindowCloseMarker}.
     */
    static final String EMIT_INTERVAL_OF_WINDOWED_AGGREGATIONS =
            StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION;

    private StreamsSettings() {
    }

    /**
     * The settings of the contract: exactly-once v2, the commit interval, one stream thread per
     * unit of parallelism, the state directory (RocksDB stores, the default), String serdes, and
     * reading from the earliest offset.
     *
     * @param arguments the runner's arguments
     * @return properties for {@code new KafkaStreams(...)}
     */
    public static Properties of(RunnerArguments arguments) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, arguments.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(arguments.commitIntervalMs()));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(arguments.parallelism()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, arguments.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(EMIT_INTERVAL_OF_WINDOWED_AGGREGATIONS, "0");
        return props;
    }
}
