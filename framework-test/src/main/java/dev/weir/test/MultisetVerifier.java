package dev.weir.test;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compares the records read with the records a model expects, as multisets of key-value
 * pairs: every expected pair must be seen exactly as often as the model has it, in any order.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class MultisetVerifier<K, V> implements Consumer<ObservedRecord<K, V>> {

    private final Map<Map.Entry<K, V>, Tally> tallies = new HashMap<>();
    private final long recordsExpected;
    private final int sampleLimit;
    private final Samples<ObservedRecord<K, V>> duplicated;
    private final Samples<ObservedRecord<K, V>> unexpected;
    private long recordsRead;

    /**
     * Prepares a verification.
     *
     * @param expected    the expected key-value pairs; a pair listed twice must appear twice
     * @param sampleLimit examples kept per kind of discrepancy
     */
    MultisetVerifier(Collection<? extends Map.Entry<K, V>> expected, int sampleLimit) {
        for (Map.Entry<K, V> entry : expected) {
            tallies.computeIfAbsent(pair(entry.getKey(), entry.getValue()), e -> new Tally()).expected++;
        }
        this.recordsExpected = expected.size();
        this.sampleLimit = sampleLimit;
        this.duplicated = new Samples<>(sampleLimit);
        this.unexpected = new Samples<>(sampleLimit);
    }

    /**
     * Takes the next record read from the topic.
     *
     * @param record the record
     */
    @Override
    public void accept(ObservedRecord<K, V> record) {
        recordsRead++;
        Tally tally = tallies.get(pair(record.key(), record.value()));
        if (tally == null) {
            unexpected.add(record);
        } else if (++tally.seen > tally.expected) {
            duplicated.add(record);
        }
    }

    /**
     * Concludes the verification once every record was read.
     *
     * @param topic the topic that was read
     * @return the report; nothing is ever out of order in a multiset
     */
    CheckReport<K, V> report(String topic) {
        Samples<Map.Entry<K, V>> missing = new Samples<>(sampleLimit);
        tallies.forEach((pair, tally) -> {
            for (int i = tally.seen; i < tally.expected; i++) {
                missing.add(pair);
            }
        });
        return new CheckReport<>(topic, recordsRead, recordsExpected, missing, duplicated, unexpected,
                new Samples<>(sampleLimit));
    }

    // SimpleImmutableEntry, unlike Map.entry, allows the null keys and values Kafka allows.
    private static <K, V> Map.Entry<K, V> pair(K key, V value) {
        return new SimpleImmutableEntry<>(key, value);
    }

    /** How often one pair is expected and how often it was seen. */
    private static final class Tally {
        private int expected;
        private int seen;
    }
}
