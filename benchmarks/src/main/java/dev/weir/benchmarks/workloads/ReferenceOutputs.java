package dev.weir.benchmarks.workloads;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What each workload must output for a given input, computed with plain collections from the
 * input records as they were read back (partition, offset, timestamp), independently of any
 * stream processor.
 */
final class ReferenceOutputs {

    /** Window size of the windowed workloads. */
    static final long WINDOW = 10_000;
    /** Slide of query 5's windows. */
    static final long SLIDE = 2_000;
    /** Out-of-orderness bound: a window is final once a record this far past its end was seen. */
    static final long OUT_OF_ORDERNESS = 1_000;
    /** The whole output, for workloads without windows. */
    static final String WHOLE = "all";

    private static final double SMALL = 1.00;
    private static final double LARGE = 500.00;
    private static final long SMALL_THEN_LARGE_WINDOW = 60_000;
    private static final long VELOCITY_WINDOW = 60_000;
    private static final int VELOCITY_LIMIT = 5;

    private ReferenceOutputs() {
    }

    /** Every input record, same key, value and timestamp. */
    static ExpectedOutput passthrough(List<ConsumerRecord<String, String>> input) {
        ExpectedOutput expected = new ExpectedOutput();
        expected.require(WHOLE);
        for (ConsumerRecord<String, String> r : input) {
            expected.expect(WHOLE, new OutputRecord(r.key(), r.value(), r.timestamp()));
        }
        return expected;
    }

    /** {@code key → <start>:<count>} per key and tumbling window; a unit per key and window. */
    static ExpectedOutput windowCount(List<ConsumerRecord<String, String>> input) {
        Map<String, Map<Long, Long>> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : input) {
            counts.computeIfAbsent(r.key(), k -> new HashMap<>()).merge(tumblingStart(r.timestamp()), 1L, Long::sum);
        }
        long closedBefore = closeTime(input);
        ExpectedOutput expected = windowedExpectation(input);
        counts.forEach((key, windows) -> windows.forEach((start, count) -> {
            String unit = key + "@" + start;
            expected.expect(unit, new OutputRecord(key, start + ":" + count, null));
            if (isFinal(start, closedBefore)) {
                expected.require(unit);
            }
        }));
        return expected;
    }

    /** The unit of a window-count output record: its key and window start. */
    static String windowCountUnit(ConsumerRecord<String, String> output) {
        return output.key() + "@" + windowStartOf(output.value());
    }

    /**
     * The fraud rules run over each account's transactions in offset order, on record timestamps:
     * {@code account → <rule>:<transactionId>}, stamped with the transaction's timestamp.
     */
    static ExpectedOutput fraud(List<ConsumerRecord<String, String>> input) {
        ExpectedOutput expected = new ExpectedOutput();
        expected.require(WHOLE);
        Map<String, Long> pendingSmall = new HashMap<>();
        Map<String, Deque<Long>> recent = new HashMap<>();
        for (ConsumerRecord<String, String> r : inOffsetOrder(input)) {
            Transaction t = Transaction.fromJson(r.value());
            String account = r.key();
            long ts = r.timestamp();
            Long small = pendingSmall.remove(account);
            if (small != null && t.amount() > LARGE && ts - small <= SMALL_THEN_LARGE_WINDOW) {
                expected.expect(WHOLE, new OutputRecord(account, "small-then-large:" + t.id(), ts));
            }
            if (t.amount() < SMALL) {
                pendingSmall.put(account, ts);
            }
            Deque<Long> times = recent.computeIfAbsent(account, a -> new ArrayDeque<>());
            times.removeIf(time -> time <= ts - VELOCITY_WINDOW);
            int before = times.size();
            times.addLast(ts);
            if (before <= VELOCITY_LIMIT && times.size() > VELOCITY_LIMIT) {
                expected.expect(WHOLE, new OutputRecord(account, "velocity:" + t.id(), ts));
            }
        }
        return expected;
    }

    /** Per sliding window of bids, the auctions with the most bids: {@code <start> → <start>:<auction>:<count>}. */
    static ExpectedOutput hotItems(List<ConsumerRecord<String, String>> input) {
        Map<Long, Map<Long, Long>> bidsPerWindow = new TreeMap<>();
        for (ConsumerRecord<String, String> r : input) {
            if (!NexmarkBid.isBid(r.value())) {
                continue;
            }
            long auction = NexmarkBid.auctionOf(r.value());
            long last = Math.floorDiv(r.timestamp(), SLIDE) * SLIDE;
            for (long start = last; start > r.timestamp() - WINDOW; start -= SLIDE) {
                bidsPerWindow.computeIfAbsent(start, s -> new HashMap<>()).merge(auction, 1L, Long::sum);
            }
        }
        long closedBefore = closeTime(input);
        ExpectedOutput expected = windowedExpectation(input);
        bidsPerWindow.forEach((start, counts) -> {
            long most = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            String unit = Long.toString(start);
            counts.forEach((auction, count) -> {
                if (count == most) {
                    expected.expect(unit, new OutputRecord(unit, start + ":" + auction + ":" + count, null));
                }
            });
            if (isFinal(start, closedBefore)) {
                expected.require(unit);
            }
        });
        return expected;
    }

    /** Per tumbling window of bids, the bids with the highest price: {@code <start> → <start>:<auction>:<bidder>:<price>}. */
    static ExpectedOutput highestBids(List<ConsumerRecord<String, String>> input) {
        Map<Long, List<NexmarkBid>> bidsPerWindow = new TreeMap<>();
        for (ConsumerRecord<String, String> r : input) {
            if (NexmarkBid.isBid(r.value())) {
                bidsPerWindow.computeIfAbsent(tumblingStart(r.timestamp()), s -> new ArrayList<>())
                        .add(NexmarkBid.parse(r.value()));
            }
        }
        long closedBefore = closeTime(input);
        ExpectedOutput expected = windowedExpectation(input);
        bidsPerWindow.forEach((start, bids) -> {
            long highest = bids.stream().mapToLong(NexmarkBid::price).max().orElseThrow();
            String unit = Long.toString(start);
            for (NexmarkBid bid : bids) {
                if (bid.price() == highest) {
                    expected.expect(unit, new OutputRecord(unit,
                            start + ":" + bid.auction() + ":" + bid.bidder() + ":" + bid.price(), null));
                }
            }
            if (isFinal(start, closedBefore)) {
                expected.require(unit);
            }
        });
        return expected;
    }

    /** The window start at the head of a windowed output value {@code <start>:…}. */
    static long windowStartOf(String value) {
        int colon = value.indexOf(':');
        return Long.parseLong(colon < 0 ? value : value.substring(0, colon));
    }

    /**
     * The least, over the input's partitions, of the partition's highest timestamp: every window
     * that ends at least {@link #OUT_OF_ORDERNESS} before it is final in every system.
     */
    static long closeTime(List<ConsumerRecord<String, String>> input) {
        Map<Integer, Long> highest = new HashMap<>();
        for (ConsumerRecord<String, String> r : input) {
            highest.merge(r.partition(), r.timestamp(), Math::max);
        }
        return highest.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
    }

    private static boolean isFinal(long start, long closeTime) {
        return start + WINDOW + OUT_OF_ORDERNESS <= closeTime;
    }

    private static long tumblingStart(long timestamp) {
        return Math.floorDiv(timestamp, WINDOW) * WINDOW;
    }

    /**
     * An empty expectation for a windowed workload, with a note if some input record came later
     * than the out-of-orderness bound allows: systems drop such records, the reference does not.
     */
    private static ExpectedOutput windowedExpectation(List<ConsumerRecord<String, String>> input) {
        ExpectedOutput expected = new ExpectedOutput();
        Map<Integer, Long> highest = new HashMap<>();
        long late = 0;
        for (ConsumerRecord<String, String> r : inOffsetOrder(input)) {
            Long before = highest.get(r.partition());
            if (before != null && r.timestamp() + OUT_OF_ORDERNESS < before) {
                late++;
            }
            highest.merge(r.partition(), r.timestamp(), Math::max);
        }
        if (late > 0) {
            expected.note(late + " input record(s) more than " + OUT_OF_ORDERNESS
                    + " ms behind their partition: the reference counts them, the systems may not");
        }
        return expected;
    }

    private static List<ConsumerRecord<String, String>> inOffsetOrder(List<ConsumerRecord<String, String>> input) {
        List<ConsumerRecord<String, String>> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return sorted;
    }
}
