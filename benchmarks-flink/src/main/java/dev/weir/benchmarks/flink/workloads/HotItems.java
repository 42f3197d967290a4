package dev.weir.benchmarks.flink.workloads;

import java.time.Duration;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import dev.weir.benchmarks.flink.KafkaText;

/**
 * Nexmark q5, hot items: bids counted per auction in sliding windows of 10 s every 2 s, then per window
 * the auction(s) with the most bids. Output: key {@code <windowStart>}, value
 * {@code <windowStart>:<auction>:<count>}, one record per tie.
 */
public final class HotItems {

    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration SLIDE = Duration.ofSeconds(2);

    private HotItems() {
    }

    /**
     * Adds q5 to the job.
     *
     * @param events the Nexmark events
     * @return the hottest auctions of every window
     */
    public static DataStream<KafkaText> apply(DataStream<KafkaText> events) {
        return events
                .flatMap(new BidFilter())
                .name("bids")
                .uid("bids")
                .keyBy(Bid::auction)
                .window(SlidingEventTimeWindows.of(SIZE, SLIDE))
                .aggregate(new CountAggregate<>(), new AuctionCount())
                .name("bids-per-auction-and-window")
                .uid("bids-per-auction-and-window")
                .keyBy(WindowCandidate::windowStart)
                .process(new WindowLeaders())
                .name("most-bids-per-window")
                .uid("most-bids-per-window");
    }

    /** Turns an auction's bid count in a window into a candidate for the window's hottest auction. */
    private static final class AuctionCount
            extends ProcessWindowFunction<Long, WindowCandidate, String, TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(String auction, Context context, Iterable<Long> counts, Collector<WindowCandidate> out) {
            long count = counts.iterator().next();
            out.collect(new WindowCandidate(context.window().getStart(), count, auction + ":" + count));
        }
    }
}
