package dev.weir.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The input of a chaos run and what the pipeline must make of it. Record {@code i} has key
 * {@code key-(i mod keys)} and value {@code i}; inside the poison storm every
 * {@value #POISON_STRIDE}th record is poison instead: either unreadable ({@code garbage-i}, the
 * source cannot parse it) or rejected ({@code -i}, the sequencing operator throws on it after
 * having updated its state).
 *
 * <p>A good record {@code i} that is the {@code n}th good record of its key must come out as
 * {@code i:n} under its key, exactly once and in order; a poison record must reach the
 * dead-letter topic exactly once, and leave no trace in the counts.
 */
final class ChaosInput {

    /** Inside the storm, one record in this many is poison. */
    static final int POISON_STRIDE = 4;

    private final int records;
    private final int keys;
    private final int stormStart;
    private final Map<Integer, PoisonKind> poison;

    /**
     * Lays out the input of a plan; the storm starts at a random place in the middle of the input.
     *
     * @param plan the run's plan
     * @param random the run's seeded random
     */
    ChaosInput(ChaosPlan plan, Random random) {
        this.records = plan.records();
        this.keys = plan.keys();
        int stormLength = plan.poisonRecords() * POISON_STRIDE;
        int earliest = records / 5;
        int latest = Math.max(earliest, records * 7 / 10 - stormLength);
        this.stormStart = earliest + random.nextInt(latest - earliest + 1);
        Map<Integer, PoisonKind> kinds = new HashMap<>();
        for (int n = 0; n < plan.poisonRecords(); n++) {
            kinds.put(stormStart + n * POISON_STRIDE, random.nextBoolean() ? PoisonKind.UNREADABLE : PoisonKind.REJECTED);
        }
        this.poison = Collections.unmodifiableMap(kinds);
    }

    /** @return how many records the input has, poison included */
    int records() {
        return records;
    }

    /** @return where the poison storm begins */
    int stormStart() {
        return stormStart;
    }

    /** @return the key of record {@code i} */
    String key(int i) {
        return "key-" + (i % keys);
    }

    /** @return the value of record {@code i} as written to the input topic */
    String value(int i) {
        PoisonKind kind = poison.get(i);
        if (kind == null) {
            return Integer.toString(i);
        }
        return kind == PoisonKind.UNREADABLE ? "garbage-" + i : "-" + i;
    }

    /** @return the poison records by id, with their kind */
    Map<Integer, PoisonKind> poison() {
        return poison;
    }

    /** @return for every key, the output values it must show, in order */
    Map<String, List<String>> expectedOutput() {
        Map<String, List<String>> expected = new HashMap<>();
        for (int i = 0; i < records; i++) {
            if (!poison.containsKey(i)) {
                List<String> values = expected.computeIfAbsent(key(i), k -> new ArrayList<>());
                values.add(i + ":" + (values.size() + 1));
            }
        }
        return expected;
    }

    /** @return how many good records the input has */
    long goodRecords() {
        return records - poison.size();
    }

    /** How a poison record fails, and so what its dead letter must say. */
    enum PoisonKind {
        /** The source cannot parse the value. */
        UNREADABLE(ChaosPipeline.SOURCE_UID, NumberFormatException.class),
        /** The sequencing operator throws on it, after having changed its state. */
        REJECTED(ChaosPipeline.SEQUENCE_UID, IllegalArgumentException.class);

        private final String operator;
        private final Class<? extends Exception> exception;

        PoisonKind(String operator, Class<? extends Exception> exception) {
            this.operator = operator;
            this.exception = exception;
        }

        /** @return the uid of the operator that fails on it */
        String operator() {
            return operator;
        }

        /** @return the class of the exception that operator throws */
        String exceptionClass() {
            return exception.getName();
        }
    }
}
