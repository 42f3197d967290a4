package dev.weir.benchmarks.jmh;

import dev.weir.internals.keygroup.KeyGroups;
import dev.weir.internals.state.KeyContext;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Distinct string keys, serialized and placed in their key groups as the engine does before a
 * keyed operator sees a record, handed out in a shuffled order that repeats: records arrive in
 * no particular key order, and every key comes back once per round.
 */
final class RecordKeys {

    private static final long SEED = 42;

    private final String[] keys;
    private final byte[][] serialized;
    private final int[] keyGroups;
    private final int[] order;
    private int position;

    private RecordKeys(int count) {
        keys = new String[count];
        serialized = new byte[count][];
        keyGroups = new int[count];
        Serializer<String> serializer = new StringSerializer();
        for (int i = 0; i < count; i++) {
            keys[i] = String.format("customer-%06d", i);
            serialized[i] = serializer.serialize("input", keys[i]);
            keyGroups[i] = KeyGroups.keyGroupOf(serialized[i], EngineDefaults.KEY_GROUPS);
        }
        order = shuffledIndexes(count);
    }

    /** {@code count} keys, in a fixed shuffled order. */
    static RecordKeys of(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("A key count must be positive, got " + count);
        }
        return new RecordKeys(count);
    }

    int count() {
        return keys.length;
    }

    /** The index of the next record's key; after the last key of a round the next round starts. */
    int next() {
        int index = order[position];
        if (++position == order.length) {
            position = 0;
        }
        return index;
    }

    /** Whether {@link #next()} will start a new round. */
    boolean atRoundStart() {
        return position == 0;
    }

    /** Makes key {@code index} current in {@code context}, as a keyed operator does per record. */
    void enter(int index, KeyContext context) {
        context.setCurrentKey(keyGroups[index], serialized[index]);
    }

    String key(int index) {
        return keys[index];
    }

    private static int[] shuffledIndexes(int count) {
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = i;
        }
        Random random = new Random(SEED);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
        }
        return indexes;
    }
}
