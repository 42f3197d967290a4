package dev.weir.benchmarks.kstreams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each workload must write for a test input, worked out here from the benchmark contract
 * alone, by brute force rather than the way the topologies do it.
 */
final class ExpectedOutputs {

    private ExpectedOutputs() {
    }

    /**
     * Per key, {@code <windowStart>:<count>} of every tumbling 10 s window that its partition's
     * stream time (highest timestamp) has closed: end + 1 s at most that time.
     */
    static Map<String, List<String>> windowCounts(List<TimedRecord> input) {
        Map<Integer, Long> partitionTime = highestTimestampPerPartition(input);
        Map<String, TreeMap<Long, Integer>> counts = new HashMap<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (TimedRecord record : input) {
            counts.computeIfAbsent(record.key(), key -> new TreeMap<>())
                    .merge(Math.floorDiv(record.timestamp(), 10_000) * 10_000, 1, Integer::sum);
            partitionOfKey.put(record.key(), record.partition());
        }
        Map<String, List<String>> expected = new HashMap<>();
        counts.forEach((key, windows) -> windows.forEach((start, count) -> {
            if (start + 10_000 + 1_000 <= partitionTime.get(partitionOfKey.get(key))) {
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(start + ":" + count);
            }
        }));
        return expected;
    }

    /** Per account, the alerts {@code <rule>:<transactionId>} in the order they are raised. */
    static Map<String, List<String>> fraudAlerts(List<TimedRecord> input) {
        Map<String, List<TimedRecord>> byAccount = input.stream()
                .collect(Collectors.groupingBy(TimedRecord::key, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<String>> expected = new HashMap<>();
        byAccount.forEach((account, transactions) -> {
            List<String> alerts = new ArrayList<>();
            Long pendingSmall = null;
            List<Long> times = new ArrayList<>();
            for (TimedRecord transaction : transactions) {
                String id = field(transaction.value(), "id");
                double amount = Double.parseDouble(field(transaction.value(), "amount"));
                long time = transaction.timestamp();
                if (pendingSmall != null && amount > 500.00 && time - pendingSmall <= 60_000) {
                    alerts.add("small-then-large:" + id);
                }
                pendingSmall = amount < 1.00 ? Long.valueOf(time) : null;
                times.removeIf(earlier -> earlier <= time - 60_000);
                int before = times.size();
                times.add(time);
                if (before <= 5 && times.size() > 5) {
                    alerts.add("velocity:" + id);
                }
            }
            if (!alerts.isEmpty()) {
                expected.put(account, alerts);
            }
        });
        return expected;
    }

    /**
     * Per hopping window (10 s every 2 s) with bids, by start: every
     * {@code <windowStart>:<auction>:<count>} with the window's highest count.
     */
    static Map<Long, List<String>> hotAuctions(List<TimedRecord> input) {
        Map<Long, Map<Long, Integer>> counts = new TreeMap<>();
        for (TimedRecord record : input) {
            if (!record.value().startsWith("B,")) {
                continue;
            }
            long auction = Long.parseLong(record.value().split(",")[1]);
            for (long start = Math.floorDiv(record.timestamp(), 2_000) * 2_000; start > record.timestamp() - 10_000;
                    start -= 2_000) {
                counts.computeIfAbsent(start, s -> new HashMap<>()).merge(auction, 1, Integer::sum);
            }
        }
        Map<Long, List<String>> expected = new TreeMap<>();
        counts.forEach((start, perAuction) -> {
            int highest = perAuction.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            expected.put(start, perAuction.entrySet().stream().filter(entry -> entry.getValue() == highest)
                    .map(entry -> start + ":" + entry.getKey() + ":" + highest).sorted().toList());
        });
        return expected;
    }

    /**
     * Per tumbling 10 s window with bids, by start: every
     * {@code <windowStart>:<auction>:<bidder>:<price>} at the window's highest price.
     */
    static Map<Long, List<String>> highestBids(List<TimedRecord> input) {
        Map<Long, List<String[]>> bids = input.stream().filter(record -> record.value().startsWith("B,"))
                .collect(Collectors.groupingBy(record -> Math.floorDiv(record.timestamp(), 10_000) * 10_000,
                        TreeMap::new, Collectors.mapping(record -> record.value().split(","), Collectors.toList())));
        Map<Long, List<String>> expected = new TreeMap<>();
        bids.forEach((start, fields) -> {
            long highest = fields.stream().mapToLong(bid -> Long.parseLong(bid[3])).max().orElseThrow();
            expected.put(start, fields.stream().filter(bid -> Long.parseLong(bid[3]) == highest)
                    .map(bid -> start + ":" + bid[1] + ":" + bid[2] + ":" + bid[3]).sorted().toList());
        });
        return expected;
    }

    /** The lowest, over the input's partitions, of a partition's highest timestamp. */
    static long lowestPartitionTime(List<TimedRecord> input) {
        return highestTimestampPerPartition(input).values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static Map<Integer, Long> highestTimestampPerPartition(List<TimedRecord> input) {
        return input.stream().collect(Collectors.toMap(TimedRecord::partition, TimedRecord::timestamp, Math::max));
    }

    private static String field(String json, String name) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : json.substring(1, json.length() - 1).split(",")) {
            String[] nameAndValue = pair.split(":", 2);
            fields.put(nameAndValue[0].replace("\"", ""), nameAndValue[1].replace("\"", ""));
        }
        return fields.get(name);
    }

    /** Groups records by a key, keeping their values in order. */
    static <K> Map<K, List<String>> valuesBy(List<TimedRecord> records, Function<TimedRecord, K> key) {
        return records.stream().collect(Collectors.groupingBy(key, HashMap::new,
                Collectors.mapping(TimedRecord::value, Collectors.toList())));
    }
}
