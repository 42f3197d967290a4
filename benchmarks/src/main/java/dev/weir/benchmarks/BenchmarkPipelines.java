package dev.weir.benchmarks;

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

/** The Weir pipelines measured, written as a user would write them. */
final class BenchmarkPipelines {

    private BenchmarkPipelines() {
    }

    static Pipeline of(Workload workload, String input, String output) {
        switch (workload) {
            case PASSTHROUGH:
                return passThrough(input, output);
            case COUNT:
                return runningCount(input, output);
            default:
                throw new IllegalArgumentException(workload + " is not a Weir pipeline");
        }
    }

    /** {@code input} → map(identity) → {@code output}: deserialization, one operator, serialization. */
    static Pipeline passThrough(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .map(BenchmarkPipelines::identity).uid("identity")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /** {@code input} (keyed by its producer) → count per key → {@code output}, one record per input. */
    static Pipeline runningCount(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new CountPerKey()).uid("running-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    private static KeyValue<String, String> identity(KeyValue<String, String> record) {
        return record;
    }

    /** The count of each key's elements so far, emitted after every element. */
    static final class CountPerKey extends KeyedProcessFunction<String, KeyValue<String, String>, KeyValue<String, Long>> {

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
