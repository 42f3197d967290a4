package dev.weir.benchmarks.kstreams;

/**
 * The fields of a Nexmark bid that queries 5 and 7 read, from its CSV line
 * {@code B,<auction>,<bidder>,<price>,<channel>,<url>,<dateTime>,<extra>}.
 *
 * @param auction the auction bid on
 * @param bidder  the person bidding
 * @param price   the bid in cents
 */
record Bid(long auction, long bidder, long price) {

    /**
     * Whether a Nexmark event is a bid (not a person or an auction).
     *
     * @param csv the event's CSV line
     * @return {@code true} for a bid
     */
    static boolean isBid(String csv) {
        return csv != null && csv.startsWith("B,");
    }

    /**
     * The auction of a bid, without reading the rest of the line.
     *
     * @param csv a bid's CSV line
     * @return its auction
     */
    static long auctionOf(String csv) {
        return Long.parseLong(csv, 2, fieldEnd(csv, 2), 10);
    }

    /**
     * Reads a bid.
     *
     * @param csv a bid's CSV line
     * @return its auction, bidder and price
     */
    static Bid parse(String csv) {
        int auctionEnd = fieldEnd(csv, 2);
        int bidderEnd = fieldEnd(csv, auctionEnd + 1);
        int priceEnd = fieldEnd(csv, bidderEnd + 1);
        return new Bid(Long.parseLong(csv, 2, auctionEnd, 10),
                Long.parseLong(csv, auctionEnd + 1, bidderEnd, 10),
                Long.parseLong(csv, bidderEnd + 1, priceEnd, 10));
    }

    private static int fieldEnd(String csv, int from) {
        int comma = csv.indexOf(',', from);
        if (comma < 0) {
            throw new IllegalArgumentException("not a bid: " + csv);
        }
        return comma;
    }
}
