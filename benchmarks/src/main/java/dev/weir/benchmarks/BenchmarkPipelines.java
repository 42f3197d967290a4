package dev.weir.benchmarks;

import java.time.Duration;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.examples.RunningCount;
import dev.weir.examples.WindowedRegionCount;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Weir pipelines measured, written as a user would write them. */
final class BenchmarkPipelines {

    /** The window of the windowed count. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** The watermark's out-of-orderness bound in the windowed count. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    /** Where the windowed count's event time starts. */
    static final long EPOCH = 1_700_000_000_000L;
    /** Input records per millisecond of event time: 500,000 per 10 s window. */
    static final long RECORDS_PER_MILLI = 50;

    private BenchmarkPipelines() {
    }

    static Pipeline of(Workload workload, String input, String output) {
        switch (workload) {
            case PASSTHROUGH:
                return passThrough(input, output);
            case COUNT:
                return RunningCount.pipeline(input, output);
            case WINDOW_COUNT:
                return windowCount(input, output);
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

    /**
     * {@code input} in event time → count per key in tumbling {@link #WINDOW} windows →
     * {@code output} as {@code key → <window start>:<count>}. The event time of record {@code i}
     * (its value starts with {@code i:}) is {@link #eventTime(long)}; each partition's records
     * come in index order, so event time only grows, but the watermark allows a second of
     * disorder, as a user would.
     */
    static Pipeline windowCount(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.<KeyValue<String, String>>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((record, recordTimestamp) -> eventTime(indexOf(record.value()))))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new WindowedRegionCount.Count<>(), Serdes.Long(), new WindowLabel()).uid("window-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /** The event time of input record {@code index}: {@link #RECORDS_PER_MILLI} records per millisecond from {@link #EPOCH}. */
    static long eventTime(long index) {
        return EPOCH + index / RECORDS_PER_MILLI;
    }

    private static long indexOf(String value) {
        int colon = value.indexOf(':');
        return Long.parseLong(colon < 0 ? value : value.substring(0, colon));
    }

    private static KeyValue<String, String> identity(KeyValue<String, String> record) {
        return record;
    }

    /** Emits {@code key → <window start>:<count>}. */
    static final class WindowLabel extends ProcessWindowFunction<Long, KeyValue<String, String>, String, TimeWindow> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<Long> counts,
                            Collector<KeyValue<String, String>> out) {
            counts.forEach(count -> out.collect(KeyValue.of(key, context.window().start() + ":" + count)));
        }
    }
}
