package dev.weir.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.weir.windowing.TimeWindow;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * Checks the windowed count's output against the input: every window the final watermark
 * passed, per key, exactly once and with the right count, and no other window. The final
 * watermark is computed as the engine must: per partition, the event time of its last record
 * minus the out-of-orderness bound minus one; the minimum over partitions.
 */
final class WindowCountVerifier {

    private static final long WINDOW = BenchmarkPipelines.WINDOW.toMillis();

    private WindowCountVerifier() {
    }

    static OutputVerifier.Verdict verify(String bootstrapServers, String topic, InputData input) {
        Map<String, Long> expected = expectedWindows(input);
        Map<String, Long> seen = new HashMap<>();
        long[] records = new long[1];
        long[] duplicates = new long[1];
        String failure = OutputVerifier.readCommitted(bootstrapServers, topic, input.partitions, r -> {
            records[0]++;
            String value = new String(r.value(), StandardCharsets.UTF_8);
            int colon = value.indexOf(':');
            String window = new String(r.key(), StandardCharsets.UTF_8) + "@" + value.substring(0, colon);
            if (seen.put(window, Long.parseLong(value.substring(colon + 1))) != null) {
                duplicates[0]++;
            }
        });
        if (failure != null) {
            return new OutputVerifier.Verdict(records[0], false, failure);
        }
        long missing = 0;
        long wrong = 0;
        for (Map.Entry<String, Long> window : expected.entrySet()) {
            Long count = seen.get(window.getKey());
            if (count == null) {
                missing++;
            } else if (!count.equals(window.getValue())) {
                wrong++;
            }
        }
        long unexpected = seen.keySet().stream().filter(w -> !expected.containsKey(w)).count();
        boolean ok = missing == 0 && wrong == 0 && unexpected == 0 && duplicates[0] == 0;
        String summary = ok ? "ok" : String.format(Locale.ROOT,
                "%,d window results for %,d expected: %,d missing, %,d wrong counts, %,d unexpected, %,d twice",
                records[0], expected.size(), missing, wrong, unexpected, duplicates[0]);
        return new OutputVerifier.Verdict(records[0], ok, summary);
    }

    /** {@code key@windowStart → count} for every window the final watermark passed. */
    private static Map<String, Long> expectedWindows(InputData input) {
        int[] partitionOfKey = new int[input.keys.length];
        for (int k = 0; k < input.keys.length; k++) {
            partitionOfKey[k] = BuiltInPartitioner.partitionForKey(input.keys[k].getBytes(StandardCharsets.UTF_8),
                    input.partitions);
        }
        long[] lastIndex = new long[input.partitions];
        Arrays.fill(lastIndex, -1);
        for (int i = 0; i < input.keyOfRecord.length; i++) {
            lastIndex[partitionOfKey[input.keyOfRecord[i]]] = i;
        }
        long watermark = Long.MAX_VALUE;
        for (long last : lastIndex) {
            if (last >= 0) {
                watermark = Math.min(watermark, BenchmarkPipelines.eventTime(last)
                        - BenchmarkPipelines.OUT_OF_ORDERNESS.toMillis() - 1);
            }
        }
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < input.keyOfRecord.length; i++) {
            long start = TimeWindow.windowStart(BenchmarkPipelines.eventTime(i), 0, WINDOW);
            if (start + WINDOW - 1 <= watermark) {
                expected.merge(input.keys[input.keyOfRecord[i]] + "@" + start, 1L, Long::sum);
            }
        }
        return expected;
    }
}
