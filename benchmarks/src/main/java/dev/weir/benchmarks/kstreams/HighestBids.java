package dev.weir.benchmarks.kstreams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The highest price of a window so far and every bid at that price, as
 * {@code <auction>:<bidder>} in arrival order.
 *
 * @param price the highest price, or -1 before the first bid
 * @param bids  the bids at that price
 */
record HighestBids(long price, List<String> bids) {

    /** Before the first bid of a window. */
    static final HighestBids NONE = new HighestBids(-1, List.of());

    /** Stored as {@code <price>|<auction>:<bidder>;<auction>:<bidder>...}. */
    static final Serde<HighestBids> SERDE = Serdes.serdeFrom(
            (topic, highest) -> highest == null ? null : highest.encode().getBytes(StandardCharsets.UTF_8),
            (topic, bytes) -> bytes == null ? null : decode(new String(bytes, StandardCharsets.UTF_8)));

    /**
     * Takes a bid into account.
     *
     * @param bid a bid of the window
     * @return this if the bid is lower, else the highest bids with it
     */
    HighestBids add(Bid bid) {
        if (bid.price() < price) {
            return this;
        }
        String tied = bid.auction() + ":" + bid.bidder();
        if (bid.price() > price) {
            return new HighestBids(bid.price(), List.of(tied));
        }
        List<String> more = new ArrayList<>(bids.size() + 1);
        more.addAll(bids);
        more.add(tied);
        return new HighestBids(price, more);
    }

    private String encode() {
        return price + "|" + String.join(";", bids);
    }

    private static HighestBids decode(String text) {
        int bar = text.indexOf('|');
        return new HighestBids(Long.parseLong(text, 0, bar, 10), List.of(text.substring(bar + 1).split(";")));
    }
}
