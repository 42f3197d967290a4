package dev.weir.benchmarks.flink.workloads;

import java.time.Duration;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import dev.weir.benchmarks.flink.KafkaText;

/**
 * Nexmark q7, highest bid: the bid(s) with the highest price in each tumbling 10 s window. The first stage
 * keeps, per auction and window, the bids at that auction's highest price (so the work spreads over the
 * parallel instances); the second stage picks the highest of those per window. Output: key
 * {@code <windowStart>}, value {@code <windowStart>:<auction>:<bidder>:<price>}, one record per tie.
 */
public final class HighestBid {

    static final Duration WINDOW = Duration.ofSeconds(10);

    private HighestBid() {
    }

    /**
     * Adds q7 to the job.
     *
     * @param events the Nexmark events
     * @return the highest bids of every window
     */
    public static DataStream<KafkaText> apply(DataStream<KafkaText> events) {
        return events
                .flatMap(new BidFilter())
                .name("bids")
                .uid("bids")
                .keyBy(Bid::auction)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new KeepHighest(), new EmitHighest())
                .name("highest-bids-per-auction-and-window")
                .uid("highest-bids-per-auction-and-window")
                .keyBy(WindowCandidate::windowStart)
                .process(new WindowLeaders())
                .name("highest-bids-per-window")
                .uid("highest-bids-per-window");
    }

    /** Keeps an auction's highest bids in a window incrementally. */
    private static final class KeepHighest implements AggregateFunction<Bid, HighestBids, HighestBids> {

        private static final long serialVersionUID = 1L;

        @Override
        public HighestBids createAccumulator() {
            return new HighestBids();
        }

        @Override
        public HighestBids add(Bid bid, HighestBids highest) {
            highest.offer(bid.auction(), bid.bidder(), bid.price());
            return highest;
        }

        @Override
        public HighestBids getResult(HighestBids highest) {
            return highest;
        }

        @Override
        public HighestBids merge(HighestBids a, HighestBids b) {
            a.merge(b);
            return a;
        }
    }

    /** Turns an auction's highest bids in a window into candidates for the window's highest bid. */
    private static final class EmitHighest
            extends ProcessWindowFunction<HighestBids, WindowCandidate, String, TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(String auction, Context context, Iterable<HighestBids> results,
                Collector<WindowCandidate> out) {
            HighestBids highest = results.iterator().next();
            for (String bid : highest.bids) {
                out.collect(new WindowCandidate(context.window().getStart(), highest.price, bid));
            }
        }
    }
}
