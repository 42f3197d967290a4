package dev.weir.benchmarks.workloads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The output a workload must produce, as a multiset of records grouped into units: the whole
 * output for passthrough and fraud, one window (of one key, for the window count) for windowed
 * workloads. A required unit must be in the output exactly; any other unit may be absent, but if
 * the output holds any record of it, it must hold exactly the expected ones.
 */
final class ExpectedOutput {

    private static final int EXAMPLES = 5;
    private static final String UNPARSABLE = "(unparsable)";

    private final Map<String, Map<OutputRecord, Integer>> byUnit = new HashMap<>();
    private final Set<String> required = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    /** Adds one expected record to {@code unit}. */
    void expect(String unit, OutputRecord record) {
        byUnit.computeIfAbsent(unit, u -> new HashMap<>()).merge(record, 1, Integer::sum);
    }

    /** Marks {@code unit} as one the output must hold. */
    void require(String unit) {
        required.add(unit);
    }

    /** The values of every expected record, each as often as expected. */
    List<String> expectedValues() {
        List<String> values = new ArrayList<>();
        byUnit.values().forEach(records -> records.forEach((record, n) -> {
            for (int i = 0; i < n; i++) {
                values.add(record.value());
            }
        }));
        return values;
    }

    /** A remark that goes into the verdict's examples, such as input out of order beyond the bound. */
    void note(String note) {
        notes.add(note);
    }

    /**
     * Compares {@code output} with this expectation.
     *
     * @param asRecord the compared form of an output record
     * @param unitOf the unit an output record belongs to; may throw if the record is malformed
     */
    Verdict compare(List<ConsumerRecord<String, String>> output,
                    Function<ConsumerRecord<String, String>, OutputRecord> asRecord,
                    Function<ConsumerRecord<String, String>, String> unitOf) {
        Map<String, Map<OutputRecord, Integer>> received = new HashMap<>();
        for (ConsumerRecord<String, String> record : output) {
            String unit;
            try {
                unit = unitOf.apply(record);
            } catch (RuntimeException e) {
                unit = UNPARSABLE;
            }
            received.computeIfAbsent(unit, u -> new HashMap<>()).merge(asRecord.apply(record), 1, Integer::sum);
        }
        long expectedCount = 0;
        long missing = 0;
        long duplicated = 0;
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        Set<String> units = new LinkedHashSet<>(byUnit.keySet());
        units.addAll(received.keySet());
        for (String unit : units) {
            Map<OutputRecord, Integer> want = byUnit.getOrDefault(unit, Map.of());
            Map<OutputRecord, Integer> got = received.getOrDefault(unit, Map.of());
            if (!required.contains(unit) && got.isEmpty()) {
                continue;
            }
            for (Map.Entry<OutputRecord, Integer> e : want.entrySet()) {
                expectedCount += e.getValue();
                int n = got.getOrDefault(e.getKey(), 0);
                if (n < e.getValue()) {
                    missing += e.getValue() - n;
                    example(examples, "missing " + e.getKey());
                } else if (n > e.getValue()) {
                    duplicated += n - e.getValue();
                    example(examples, "duplicated (" + n + "×, expected " + e.getValue() + "×) " + e.getKey());
                }
            }
            for (Map.Entry<OutputRecord, Integer> e : got.entrySet()) {
                if (!want.containsKey(e.getKey())) {
                    wrong += e.getValue();
                    example(examples, "wrong " + e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + "×)" : ""));
                }
            }
        }
        for (String note : notes) {
            example(examples, note);
        }
        return new Verdict(expectedCount, output.size(), missing, duplicated, wrong, examples);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }
}
