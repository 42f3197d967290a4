package dev.weir.benchmarks.flink.workloads;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

import dev.weir.benchmarks.flink.KafkaText;

/** Keeps the bids of the Nexmark event stream and drops persons and auctions. */
final class BidFilter implements FlatMapFunction<KafkaText, Bid> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(KafkaText event, Collector<Bid> out) {
        Bid bid = Bid.parse(event.value());
        if (bid != null) {
            out.collect(bid);
        }
    }
}
