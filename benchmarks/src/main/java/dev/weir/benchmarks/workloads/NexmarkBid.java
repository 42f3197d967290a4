package dev.weir.benchmarks.workloads;

/**
 * The fields of a Nexmark bid that queries 5 and 7 use, read from its CSV line
 * {@code B,<auction>,<bidder>,<price>,…}. Every system under comparison should read bids with
 * {@link #isBid} and {@link #parse}, so that reading the input costs them all the same.
 *
 * @param auction the auction bid on
 * @param bidder the person bidding
 * @param price the bid, in cents
 */
public record NexmarkBid(long auction, long bidder, long price) {

    /** Whether the CSV line is a bid, rather than a person or an auction. */
    public static boolean isBid(String csv) {
        return csv != null && csv.startsWith("B,");
    }

    /**
     * The bid of a CSV line.
     *
     * @throws IllegalArgumentException if it is not a bid line
     */
    public static NexmarkBid parse(String csv) {
        if (!isBid(csv)) {
            throw new IllegalArgumentException("not a bid: " + csv);
        }
        int auctionEnd = csv.indexOf(',', 2);
        int bidderEnd = csv.indexOf(',', auctionEnd + 1);
        int priceEnd = csv.indexOf(',', bidderEnd + 1);
        if (auctionEnd < 0 || bidderEnd < 0 || priceEnd < 0) {
            throw new IllegalArgumentException("not a bid: " + csv);
        }
        return new NexmarkBid(Long.parseLong(csv, 2, auctionEnd, 10),
                Long.parseLong(csv, auctionEnd + 1, bidderEnd, 10),
                Long.parseLong(csv, bidderEnd + 1, priceEnd, 10));
    }

    /** The auction of a bid's CSV line, without reading the rest. */
    public static long auctionOf(String csv) {
        int auctionEnd = csv.indexOf(',', 2);
        if (!isBid(csv) || auctionEnd < 0) {
            throw new IllegalArgumentException("not a bid: " + csv);
        }
        return Long.parseLong(csv, 2, auctionEnd, 10);
    }
}
