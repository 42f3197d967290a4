package dev.weir.examples;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A running count per record key, emitted after every record: the input topic is keyed by its
 * producer, so the stream is declared keyed without a repartition.
 */
public final class RunningCount {

    private RunningCount() {
    }

    /** {@code input} (String keys) → count per key → {@code output} (String key, Long count). */
    public static Pipeline pipeline(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new CountPerKey()).uid("running-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    /** Counts the elements of each key and emits the count after each. */
    public static final class CountPerKey extends KeyedProcessFunction<String, KeyValue<String, String>, KeyValue<String, Long>> {

        private ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));
        }

        @Override
        public void processElement(KeyValue<String, String> value, Context<String> context,
                                   Collector<KeyValue<String, Long>> out) {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            out.collect(KeyValue.of(context.getCurrentKey(), next));
        }
    }
}
