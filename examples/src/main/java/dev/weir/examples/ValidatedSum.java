package dev.weir.examples;

import java.nio.charset.StandardCharsets;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A running sum of amounts per key, with validation at two places: the source rejects values
 * that are not decimal numbers, and the summing function rejects negative amounts — after it
 * has already updated its state, so that the engine must undo the change.
 */
public final class ValidatedSum {

    /** The uid of the source, as it appears in dead-letter headers. */
    public static final String SOURCE_UID = "amounts";
    /** The uid of the summing operator. */
    public static final String SUM_UID = "sum";

    private ValidatedSum() {
    }

    /** {@code input} (String key, decimal amount) → running sum per key → {@code output}. */
    public static Pipeline pipeline(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.of(input, ValidatedSum::parse).withUid(SOURCE_UID))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new SumPerKey()).uid(SUM_UID)
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    private static KeyValue<String, Long> parse(ConsumerRecord<byte[], byte[]> record) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        return KeyValue.of(key, Long.parseLong(value));
    }

    /** Sums each key's amounts; throws on a negative amount after having written the new sum. */
    public static final class SumPerKey extends KeyedProcessFunction<String, KeyValue<String, Long>, KeyValue<String, Long>> {

        private ValueState<Long> sum;

        @Override
        public void open(RuntimeContext context) {
            sum = context.getState(new ValueStateDescriptor<>("sum", Serdes.Long()));
        }

        @Override
        public void processElement(KeyValue<String, Long> value, Context<String> context,
                                   Collector<KeyValue<String, Long>> out) {
            long next = (sum.value() == null ? 0 : sum.value()) + value.value();
            sum.update(next);
            out.collect(KeyValue.of(context.getCurrentKey(), next));
            if (value.value() < 0) {
                throw new IllegalArgumentException("negative amount " + value.value());
            }
        }
    }
}
