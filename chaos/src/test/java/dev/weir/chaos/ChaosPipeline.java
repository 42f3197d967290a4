package dev.weir.chaos;

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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The pipeline under chaos: it numbers the records of each key. Record {@code i}, the
 * {@code n}th of its key, comes out as {@code i:n}; the count lives in keyed state, so a record
 * processed twice or lost shows in every later output of its key, and the id says which one.
 * Each output value ends in {@code |<writer>}, naming the instance and process that wrote it,
 * so that a duplicate says who wrote each copy.
 */
final class ChaosPipeline {

    /** The uid of the source, named in the dead letters of unreadable records. */
    static final String SOURCE_UID = "chaos-input";
    /** The uid of the sequencing operator, named in the dead letters of rejected records. */
    static final String SEQUENCE_UID = "sequence";

    private ChaosPipeline() {
    }

    /**
     * Builds the pipeline.
     *
     * @param input  the input topic (String keys, decimal ids)
     * @param output the output topic (String keys, {@code id:count|writer} values)
     * @param writer what names this process in the values it writes
     * @return the pipeline
     */
    static Pipeline pipeline(String input, String output, String writer) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.of(input, ChaosPipeline::parse).withUid(SOURCE_UID))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new SequencePerKey(writer)).uid(SEQUENCE_UID)
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static KeyValue<String, Long> parse(ConsumerRecord<byte[], byte[]> record) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        return KeyValue.of(key, Long.parseLong(new String(record.value(), StandardCharsets.UTF_8)));
    }

    /** Numbers each key's records; throws on a negative id, after having counted it. */
    static final class SequencePerKey extends KeyedProcessFunction<String, KeyValue<String, Long>, KeyValue<String, String>> {

        private final String writer;
        private ValueState<Long> count;

        SequencePerKey(String writer) {
            this.writer = writer;
        }

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));
        }

        @Override
        public void processElement(KeyValue<String, Long> record, Context<String> context,
                                   Collector<KeyValue<String, String>> out) {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            // State first, then the check: the engine must undo the change of a failed record.
            count.update(next);
            if (record.value() < 0) {
                throw new IllegalArgumentException("rejected record " + -record.value());
            }
            out.collect(KeyValue.of(context.getCurrentKey(), record.value() + ":" + next + WriterTally.SEPARATOR + writer));
        }
    }
}
