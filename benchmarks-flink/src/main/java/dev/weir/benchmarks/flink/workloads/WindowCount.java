package dev.weir.benchmarks.flink.workloads;

import java.time.Duration;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import dev.weir.benchmarks.flink.KafkaText;

/**
 * The window-count workload: the number of records per key in tumbling 10 s event-time windows, emitted
 * once per key and window when the watermark passes the window's end. Output: the key, and
 * {@code <windowStartMillis>:<count>}.
 */
public final class WindowCount {

    static final Duration WINDOW = Duration.ofSeconds(10);

    private WindowCount() {
    }

    /**
     * Adds the windowed count to the job.
     *
     * @param input the keyed input records
     * @return one record per key and window
     */
    public static DataStream<KafkaText> apply(DataStream<KafkaText> input) {
        return input
                .keyBy(KafkaText::key)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new CountAggregate<>(), new FormatCount())
                .name("count-per-key-and-window")
                .uid("count-per-key-and-window");
    }

    /** Turns a key's count in a window into the output record. */
    private static final class FormatCount extends ProcessWindowFunction<Long, KafkaText, String, TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context context, Iterable<Long> counts, Collector<KafkaText> out) {
            long count = counts.iterator().next();
            out.collect(new KafkaText(key, context.window().getStart() + ":" + count));
        }
    }
}
