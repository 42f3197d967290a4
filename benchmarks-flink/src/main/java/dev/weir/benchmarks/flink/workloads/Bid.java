package dev.weir.benchmarks.flink.workloads;

/**
 * A Nexmark bid, the only event q5 and q7 look at.
 *
 * @param auction the auction id, as written in the event
 * @param bidder  the bidder id, as written in the event
 * @param price   the price
 */
public record Bid(String auction, String bidder, long price) {

    /**
     * Reads a bid from a Nexmark CSV event, {@code B,<auction>,<bidder>,<price>,<channel>,<url>,<dateTime>,<extra>}.
     *
     * @param csv a Nexmark event of any type
     * @return the bid, or {@code null} if the event is a person or an auction
     */
    static Bid parse(String csv) {
        if (!csv.startsWith("B,")) {
            return null;
        }
        String[] fields = csv.split(",", 5);
        return new Bid(fields[1], fields[2], Long.parseLong(fields[3]));
    }
}
