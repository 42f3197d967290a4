package dev.weir.test;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts occurrences of one kind of discrepancy and keeps the first few as examples, so that
 * a report over millions of records stays small.
 *
 * @param <T> type of an example
 */
final class Samples<T> {

    private final int limit;
    private final List<T> kept = new ArrayList<>();
    private long count;

    /**
     * Creates an empty tally.
     *
     * @param limit how many examples to keep at most
     */
    Samples(int limit) {
        this.limit = limit;
    }

    /**
     * Counts one occurrence and keeps it if fewer than the limit are kept.
     *
     * @param example the occurrence
     */
    void add(T example) {
        count++;
        if (kept.size() < limit) {
            kept.add(example);
        }
    }

    /** @return how many occurrences were counted */
    long count() {
        return count;
    }

    /** @return an unmodifiable copy of the kept examples, in the order they were added */
    List<T> examples() {
        return List.copyOf(kept);
    }
}
