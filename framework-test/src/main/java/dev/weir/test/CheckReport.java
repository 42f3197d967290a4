package dev.weir.test;

import java.util.List;
import java.util.Map;

/**
 * The verdict of an {@link ExactlyOnceChecker}: how the committed content of an output topic
 * differs from what a model of the pipeline says it must be. Each kind of discrepancy has a
 * full count and a bounded list of examples. Immutable.
 *
 * <p>Its {@link #toString()} is meant as an assertion message:
 * {@code assertThat(report.isExactlyOnce()).as(report.toString()).isTrue()}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class CheckReport<K, V> {

    private final String topic;
    private final long recordsRead;
    private final long recordsExpected;
    private final long missingCount;
    private final List<Map.Entry<K, V>> missing;
    private final long duplicatedCount;
    private final List<ObservedRecord<K, V>> duplicated;
    private final long unexpectedCount;
    private final List<ObservedRecord<K, V>> unexpected;
    private final long outOfOrderCount;
    private final List<ObservedRecord<K, V>> outOfOrder;

    CheckReport(String topic, long recordsRead, long recordsExpected, Samples<Map.Entry<K, V>> missing,
            Samples<ObservedRecord<K, V>> duplicated, Samples<ObservedRecord<K, V>> unexpected,
            Samples<ObservedRecord<K, V>> outOfOrder) {
        this.topic = topic;
        this.recordsRead = recordsRead;
        this.recordsExpected = recordsExpected;
        this.missingCount = missing.count();
        this.missing = missing.examples();
        this.duplicatedCount = duplicated.count();
        this.duplicated = duplicated.examples();
        this.unexpectedCount = unexpected.count();
        this.unexpected = unexpected.examples();
        this.outOfOrderCount = outOfOrder.count();
        this.outOfOrder = outOfOrder.examples();
    }

    /** @return the topic that was checked */
    public String topic() {
        return topic;
    }

    /** @return how many committed records were read */
    public long recordsRead() {
        return recordsRead;
    }

    /** @return how many records the model expects */
    public long recordsExpected() {
        return recordsExpected;
    }

    /** @return how many expected records were never seen */
    public long missingCount() {
        return missingCount;
    }

    /** @return examples of expected records that were never seen, as key and value */
    public List<Map.Entry<K, V>> missing() {
        return missing;
    }

    /** @return how many records were seen more often than the model expects them */
    public long duplicatedCount() {
        return duplicatedCount;
    }

    /** @return examples of the extra copies of expected records */
    public List<ObservedRecord<K, V>> duplicated() {
        return duplicated;
    }

    /** @return how many records were seen that the model does not contain at all */
    public long unexpectedCount() {
        return unexpectedCount;
    }

    /** @return examples of records the model does not contain */
    public List<ObservedRecord<K, V>> unexpected() {
        return unexpected;
    }

    /**
     * Only the per-key sequence check judges order; the multiset check leaves this at 0.
     *
     * @return how many records came after a record that the model places later for the
     *         same key
     */
    public long outOfOrderCount() {
        return outOfOrderCount;
    }

    /** @return examples of records that came too late for their key */
    public List<ObservedRecord<K, V>> outOfOrder() {
        return outOfOrder;
    }

    /** @return whether nothing is missing, duplicated, unexpected or out of order */
    public boolean isExactlyOnce() {
        return missingCount == 0 && duplicatedCount == 0 && unexpectedCount == 0 && outOfOrderCount == 0;
    }

    /**
     * Summarises the verdict on a few lines, with examples of each discrepancy.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(isExactlyOnce() ? "exactly-once: " : "NOT exactly-once: ")
                .append("topic '").append(topic).append("', ")
                .append(recordsRead).append(" committed records read, ")
                .append(recordsExpected).append(" expected");
        appendCategory(text, "missing", missingCount, missing);
        appendCategory(text, "duplicated", duplicatedCount, duplicated);
        appendCategory(text, "unexpected", unexpectedCount, unexpected);
        appendCategory(text, "out of order", outOfOrderCount, outOfOrder);
        return text.toString();
    }

    private static void appendCategory(StringBuilder text, String name, long count, List<?> examples) {
        if (count == 0) {
            return;
        }
        text.append(System.lineSeparator()).append("  ").append(name).append(": ").append(count);
        if (count > examples.size()) {
            text.append(", first ").append(examples.size());
        }
        text.append(' ').append(examples);
    }
}
