package dev.weir.examples;

import java.time.Duration;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.AggregateFunction;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event-time windows behind a repartition: events {@code <id>,<event time>,<region>} arrive out
 * of order on any partition; the stream is re-keyed by region and counted in tumbling one-second
 * event-time windows. Each window's count is emitted once, keyed {@code <region>@<window start>},
 * when the watermark (one second of out-of-orderness; a partition that has nothing more to read stops
 * holding it back after three seconds) passes the window's end. Events too late for their window go to the
 * application's late-data topic.
 */
public final class WindowedRegionCount {

    /** How far out of order events may arrive. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    /** The window size. */
    public static final Duration WINDOW = Duration.ofSeconds(1);

    private WindowedRegionCount() {
    }

    /** {@code input} → re-key by region → tumbling event-time count → {@code output}. */
    public static Pipeline pipeline(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.values(input, new StringDeserializer()), WatermarkStrategy
                        .<String>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((event, recordTimestamp) -> eventTime(event))
                        .withIdleness(Duration.ofSeconds(3)))
                .keyBy(WindowedRegionCount::region, Serdes.String(), Serdes.String())
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new Count<>(), Serdes.Long(), new LabelWithWindow()).uid("region-window-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    /** The event time of {@code <id>,<event time>,<region>}. */
    public static long eventTime(String event) {
        return Long.parseLong(event.split(",", 3)[1]);
    }

    /** The region of {@code <id>,<event time>,<region>}. */
    public static String region(String event) {
        return event.split(",", 3)[2];
    }

    /**
     * Counts elements.
     *
     * @param <T> the element type
     */
    public static final class Count<T> implements AggregateFunction<T, Long, Long> {

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(T value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Keys a window's count by region and window start. */
    static final class LabelWithWindow extends ProcessWindowFunction<Long, KeyValue<String, Long>, String, TimeWindow> {

        @Override
        public void process(String region, Context<TimeWindow> context, Iterable<Long> counts,
                            Collector<KeyValue<String, Long>> out) {
            counts.forEach(count -> out.collect(new KeyValue<>(region + "@" + context.window().start(), count)));
        }
    }
}
