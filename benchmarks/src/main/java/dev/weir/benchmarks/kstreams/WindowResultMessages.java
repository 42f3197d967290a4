package dev.weir.benchmarks.kstreams;

/**
 * The two kinds of record that the first stage of Nexmark q5 sends to the second, as String
 * values: a count, {@code C:<auction>:<count>} keyed by window start, and a progress marker,
 * {@code M:<stage-one partition>:<closed up to>} (see {@link WindowCloseMarker}).
 */
final class WindowResultMessages {

    private static final String COUNT = "C:";
    private static final String MARKER = "M:";

    private WindowResultMessages() {
    }

    static String count(String auction, long count) {
        return COUNT + auction + ":" + count;
    }

    static String marker(int partition, long closedUpTo) {
        return MARKER + partition + ":" + closedUpTo;
    }

    static boolean isMarker(String value) {
        return value.startsWith(MARKER);
    }

    /** The auction of a count message. */
    static String auctionOf(String count) {
        return count.substring(COUNT.length(), count.lastIndexOf(':'));
    }

    /** The count of a count message. */
    static long countOf(String count) {
        return Long.parseLong(count, count.lastIndexOf(':') + 1, count.length(), 10);
    }

    /** The stage-one partition of a marker. */
    static int partitionOf(String marker) {
        return Integer.parseInt(marker, MARKER.length(), marker.lastIndexOf(':'), 10);
    }

    /** The window end up to which a marker's partition has emitted every window. */
    static long closedUpToOf(String marker) {
        return Long.parseLong(marker, marker.lastIndexOf(':') + 1, marker.length(), 10);
    }
}
