package dev.weir.benchmarks.kstreams;

import java.util.ArrayList;
import java.util.List;

/**
 * The highest bid count of a window so far and every auction with that count.
 *
 * @param count    the highest count
 * @param auctions the auctions with that count
 */
record HotAuctions(long count, List<String> auctions) {

    /**
     * Takes an auction's count into account.
     *
     * @param previous the window's hot auctions so far, or {@code null} for none
     * @param auction  an auction of the window
     * @param count    its bid count in the window
     * @return the window's hot auctions with that count
     */
    static HotAuctions add(HotAuctions previous, String auction, long count) {
        if (previous == null || count > previous.count) {
            return new HotAuctions(count, List.of(auction));
        }
        if (count < previous.count) {
            return previous;
        }
        List<String> tied = new ArrayList<>(previous.auctions.size() + 1);
        tied.addAll(previous.auctions);
        tied.add(auction);
        return new HotAuctions(count, tied);
    }

    /** Stored as {@code <count>|<auction>,<auction>...}. */
    String encode() {
        return count + "|" + String.join(",", auctions);
    }

    static HotAuctions decode(String text) {
        if (text == null) {
            return null;
        }
        int bar = text.indexOf('|');
        return new HotAuctions(Long.parseLong(text, 0, bar, 10), List.of(text.substring(bar + 1).split(",")));
    }
}
