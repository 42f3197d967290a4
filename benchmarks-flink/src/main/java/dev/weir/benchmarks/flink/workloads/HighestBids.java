package dev.weir.benchmarks.flink.workloads;

import java.util.ArrayList;
import java.util.List;

/**
 * The highest price seen so far and every bid at that price, as {@code <auction>:<bidder>:<price>}: the
 * accumulator of q7's first stage. A Flink POJO (public fields, no-argument constructor).
 */
public final class HighestBids {

    /** The highest price so far; {@link Long#MIN_VALUE} before the first bid. */
    public long price = Long.MIN_VALUE;

    /** The bids at {@link #price}. */
    public List<String> bids = new ArrayList<>();

    /**
     * Takes a bid into account: a higher price replaces the bids kept, an equal one joins them.
     *
     * @param auction the bid's auction
     * @param bidder  the bid's bidder
     * @param bidPrice the bid's price
     */
    void offer(String auction, String bidder, long bidPrice) {
        if (bidPrice > price) {
            price = bidPrice;
            bids.clear();
        }
        if (bidPrice == price) {
            bids.add(auction + ":" + bidder + ":" + bidPrice);
        }
    }

    /**
     * Folds another accumulator's bids into this one.
     *
     * @param other the other accumulator
     */
    void merge(HighestBids other) {
        if (other.price > price) {
            price = other.price;
            bids = new ArrayList<>(other.bids);
        } else if (other.price == price) {
            bids.addAll(other.bids);
        }
    }
}
