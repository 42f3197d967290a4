package dev.weir.examples;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A two-stage pipeline: records keyed by account carry a region in their value
 * ({@code <region>,<amount>}); the stream is re-keyed by region (a repartition through an
 * internal topic), and the second stage keeps a running sum and count per region.
 */
public final class TwoStageCount {

    private TwoStageCount() {
    }

    /** {@code input} (account → "region,amount") → re-key by region → running count per region → {@code output}. */
    public static Pipeline pipeline(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.values(input, new StringDeserializer()))
                .filter(value -> !value.isBlank())
                .keyBy(TwoStageCount::region, Serdes.String(), Serdes.String())
                .process(new CountPerRegion()).uid("region-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    /** The region of a {@code <region>,<amount>} value. */
    public static String region(String value) {
        int comma = value.indexOf(',');
        if (comma <= 0) {
            throw new IllegalArgumentException("expected <region>,<amount> but got '" + value + "'");
        }
        return value.substring(0, comma);
    }

    /** Counts each region's records with reducing state. */
    public static final class CountPerRegion extends KeyedProcessFunction<String, String, KeyValue<String, Long>> {

        private ReducingState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getReducingState(new ReducingStateDescriptor<>("count", Long::sum, Serdes.Long()));
        }

        @Override
        public void processElement(String value, Context<String> context, Collector<KeyValue<String, Long>> out) {
            count.add(1L);
            out.collect(KeyValue.of(context.getCurrentKey(), count.get()));
        }
    }
}
