package dev.weir.benchmarks.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workloads' expected output computed straight from the spec, independently of the Flink job. Windowed
 * results are grouped by window start, each output record written as {@code key|value}.
 */
final class ExpectedOutputs {

    private static final long TUMBLING = 10_000;
    private static final long SLIDE = 2_000;
    private static final Pattern JSON_FIELD = Pattern.compile("\"(id|amount)\":\"?([^\",}]+)");

    private ExpectedOutputs() {
    }

    static Map<Long, List<String>> windowCount(List<TopicRecord> input) {
        Map<Long, Map<String, Long>> counts = new TreeMap<>();
        for (TopicRecord record : input) {
            long start = record.timestamp() - record.timestamp() % TUMBLING;
            counts.computeIfAbsent(start, s -> new HashMap<>()).merge(record.key(), 1L, Long::sum);
        }
        Map<Long, List<String>> expected = new TreeMap<>();
        counts.forEach((start, perKey) -> perKey.forEach((key, count) ->
                expected.computeIfAbsent(start, s -> new ArrayList<>()).add(key + "|" + start + ":" + count)));
        return expected;
    }

    static Map<Long, List<String>> hotItems(List<TopicRecord> input) {
        Map<Long, Map<String, Long>> counts = new TreeMap<>();
        for (TopicRecord record : input) {
            String[] bid = bid(record);
            if (bid == null) {
                continue;
            }
            long lastStart = record.timestamp() - record.timestamp() % SLIDE;
            for (long start = lastStart; start > record.timestamp() - TUMBLING; start -= SLIDE) {
                counts.computeIfAbsent(start, s -> new HashMap<>()).merge(bid[1], 1L, Long::sum);
            }
        }
        Map<Long, List<String>> expected = new TreeMap<>();
        counts.forEach((start, perAuction) -> {
            long max = perAuction.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            perAuction.forEach((auction, count) -> {
                if (count == max) {
                    expected.computeIfAbsent(start, s -> new ArrayList<>())
                            .add(start + "|" + start + ":" + auction + ":" + count);
                }
            });
        });
        return expected;
    }

    static Map<Long, List<String>> highestBid(List<TopicRecord> input) {
        Map<Long, List<String[]>> bids = new TreeMap<>();
        for (TopicRecord record : input) {
            String[] bid = bid(record);
            if (bid != null) {
                bids.computeIfAbsent(record.timestamp() - record.timestamp() % TUMBLING, s -> new ArrayList<>()).add(bid);
            }
        }
        Map<Long, List<String>> expected = new TreeMap<>();
        bids.forEach((start, inWindow) -> {
            long max = inWindow.stream().mapToLong(b -> Long.parseLong(b[3])).max().orElseThrow();
            for (String[] b : inWindow) {
                if (Long.parseLong(b[3]) == max) {
                    expected.computeIfAbsent(start, s -> new ArrayList<>())
                            .add(start + "|" + start + ":" + b[1] + ":" + b[2] + ":" + b[3]);
                }
            }
        });
        return expected;
    }

    /** The fraud alerts, in input order per account, with the timestamp of the transaction that raised them. */
    static List<TopicRecord> fraud(List<TopicRecord> input) {
        Map<String, Long> pendingSmall = new HashMap<>();
        Map<String, List<Long>> recent = new HashMap<>();
        List<TopicRecord> alerts = new ArrayList<>();
        for (TopicRecord record : input) {
            String id = null;
            double amount = Double.NaN;
            Matcher m = JSON_FIELD.matcher(record.value());
            while (m.find()) {
                if (m.group(1).equals("id")) {
                    id = m.group(2);
                } else {
                    amount = Double.parseDouble(m.group(2));
                }
            }
            long ts = record.timestamp();
            Long small = pendingSmall.remove(record.key());
            if (small != null && amount > 500.00 && ts - small <= 60_000) {
                alerts.add(new TopicRecord(record.key(), "small-then-large:" + id, ts));
            }
            if (amount < 1.00) {
                pendingSmall.put(record.key(), ts);
            }
            List<Long> times = recent.computeIfAbsent(record.key(), k -> new ArrayList<>());
            times.removeIf(t -> t <= ts - 60_000);
            int before = times.size();
            times.add(ts);
            if (before <= 5 && times.size() > 5) {
                alerts.add(new TopicRecord(record.key(), "velocity:" + id, ts));
            }
        }
        return alerts;
    }

    private static String[] bid(TopicRecord record) {
        return record.value().startsWith("B,") ? record.value().split(",") : null;
    }
}
