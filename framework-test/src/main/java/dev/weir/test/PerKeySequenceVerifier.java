package dev.weir.test;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compares the records of each key, in the order they were read, with the exact sequence a
 * model expects for that key.
 *
 * <p>Memory stays proportional to the model: a key whose records arrive exactly as expected
 * costs one counter; only a key that deviates gets an index of its expected values.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class PerKeySequenceVerifier<K, V> implements Consumer<ObservedRecord<K, V>> {

    private final Map<K, KeyProgress<K, V>> progress = new HashMap<>();
    private final long recordsExpected;
    private final Samples<ObservedRecord<K, V>> duplicated;
    private final Samples<ObservedRecord<K, V>> unexpected;
    private final Samples<ObservedRecord<K, V>> outOfOrder;
    private final int sampleLimit;
    private long recordsRead;

    /**
     * Prepares a verification.
     *
     * @param expected    for each key, its values in the order they must appear
     * @param sampleLimit examples kept per kind of discrepancy
     */
    PerKeySequenceVerifier(Map<K, List<V>> expected, int sampleLimit) {
        long total = 0;
        for (Map.Entry<K, List<V>> entry : expected.entrySet()) {
            progress.put(entry.getKey(), new KeyProgress<>(entry.getKey(), entry.getValue()));
            total += entry.getValue().size();
        }
        this.recordsExpected = total;
        this.sampleLimit = sampleLimit;
        this.duplicated = new Samples<>(sampleLimit);
        this.unexpected = new Samples<>(sampleLimit);
        this.outOfOrder = new Samples<>(sampleLimit);
    }

    /**
     * Takes the next record read from the topic.
     *
     * @param record the record
     */
    @Override
    public void accept(ObservedRecord<K, V> record) {
        recordsRead++;
        KeyProgress<K, V> key = progress.get(record.key());
        if (key == null) {
            unexpected.add(record);
            return;
        }
        switch (key.observe(record.value())) {
            case IN_ORDER -> { }
            case DUPLICATED -> duplicated.add(record);
            case UNEXPECTED -> unexpected.add(record);
            case OUT_OF_ORDER -> outOfOrder.add(record);
        }
    }

    /**
     * Concludes the verification once every record was read.
     *
     * @param topic the topic that was read
     * @return the report
     */
    CheckReport<K, V> report(String topic) {
        Samples<Map.Entry<K, V>> missing = new Samples<>(sampleLimit);
        progress.values().forEach(key -> key.reportMissing(missing));
        return new CheckReport<>(topic, recordsRead, recordsExpected, missing, duplicated, unexpected, outOfOrder);
    }

    /** What one observed value means for its key. */
    private enum Verdict { IN_ORDER, DUPLICATED, UNEXPECTED, OUT_OF_ORDER }

    /** How far the records of one key have matched its expected sequence. */
    private static final class KeyProgress<K, V> {

        private final K key;
        private final List<V> expected;
        /** Length of the expected prefix matched so far, while nothing has deviated. */
        private int matchedPrefix;
        /** Built on the first deviation; until then the prefix says everything. */
        private Map<V, Occurrences> index;
        private int latestPosition = -1;

        KeyProgress(K key, List<V> expected) {
            this.key = key;
            this.expected = expected;
        }

        Verdict observe(V value) {
            if (index == null) {
                if (matchedPrefix < expected.size() && Objects.equals(expected.get(matchedPrefix), value)) {
                    latestPosition = matchedPrefix++;
                    return Verdict.IN_ORDER;
                }
                buildIndex();
            }
            Occurrences occurrences = index.get(value);
            if (occurrences == null) {
                return Verdict.UNEXPECTED;
            }
            // The n-th time a value is seen, it stands for the n-th place the model has it.
            if (occurrences.seen == occurrences.positions.size()) {
                return Verdict.DUPLICATED;
            }
            int position = occurrences.positions.get(occurrences.seen++);
            if (position < latestPosition) {
                return Verdict.OUT_OF_ORDER;
            }
            latestPosition = position;
            return Verdict.IN_ORDER;
        }

        void reportMissing(Samples<Map.Entry<K, V>> missing) {
            if (index == null) {
                for (int i = matchedPrefix; i < expected.size(); i++) {
                    missing.add(new SimpleImmutableEntry<>(key, expected.get(i)));
                }
                return;
            }
            Map<V, Integer> occurrence = new HashMap<>();
            for (V value : expected) {
                int nth = occurrence.merge(value, 1, Integer::sum);
                if (nth > index.get(value).seen) {
                    missing.add(new SimpleImmutableEntry<>(key, value));
                }
            }
        }

        private void buildIndex() {
            index = new HashMap<>();
            for (int i = 0; i < expected.size(); i++) {
                Occurrences occurrences = index.computeIfAbsent(expected.get(i), v -> new Occurrences());
                occurrences.positions.add(i);
                if (i < matchedPrefix) {
                    occurrences.seen++;
                }
            }
        }
    }

    /** Where one value occurs in a key's expected sequence, and how often it was seen. */
    private static final class Occurrences {
        private final List<Integer> positions = new ArrayList<>(1);
        private int seen;
    }
}
