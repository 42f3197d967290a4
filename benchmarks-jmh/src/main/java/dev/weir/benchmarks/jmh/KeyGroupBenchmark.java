package dev.weir.benchmarks.jmh;

import dev.weir.internals.keygroup.KeyGroups;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placing a record's key: serializing it and hashing the bytes to a key group
 * ({@link KeyGroups#keyGroupOf}), as a keyed operator's input does per record, for String and
 * long keys; and the hash alone, as on a repartition topic's consumer side, where the key
 * arrives serialized. The result is also mapped to the partition that owns the group.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyGroupBenchmark {

    /** The partitions of the input topic; any count that divides the key groups costs the same. */
    private static final int PARTITIONS = 6;
    private static final String TOPIC = "input";

    /** How many distinct keys records bring. */
    @Param("10000")
    public int keyCount;

    private final Serializer<String> stringSerializer = new StringSerializer();
    private final Serializer<Long> longSerializer = new LongSerializer();
    private String[] stringKeys;
    private Long[] longKeys;
    private byte[][] serializedKeys;
    private int next;

    /** Makes the keys: strings as in {@link RecordKeys}, longs spread over the whole range. */
    @Setup(Level.Trial)
    public void makeKeys() {
        stringKeys = new String[keyCount];
        longKeys = new Long[keyCount];
        serializedKeys = new byte[keyCount][];
        RecordKeys recordKeys = RecordKeys.of(keyCount);
        Random random = new Random(42);
        for (int i = 0; i < keyCount; i++) {
            stringKeys[i] = recordKeys.key(i);
            longKeys[i] = random.nextLong();
            serializedKeys[i] = stringSerializer.serialize(TOPIC, stringKeys[i]);
        }
    }

    /** A String key to its key group and partition. */
    @Benchmark
    public int stringKey() {
        byte[] bytes = stringSerializer.serialize(TOPIC, stringKeys[nextIndex()]);
        return KeyGroups.partitionOf(KeyGroups.keyGroupOf(bytes, EngineDefaults.KEY_GROUPS), PARTITIONS);
    }

    /** A long key to its key group and partition. */
    @Benchmark
    public int longKey() {
        byte[] bytes = longSerializer.serialize(TOPIC, longKeys[nextIndex()]);
        return KeyGroups.partitionOf(KeyGroups.keyGroupOf(bytes, EngineDefaults.KEY_GROUPS), PARTITIONS);
    }

    /** An already serialized String key to its key group and partition. */
    @Benchmark
    public int serializedKey() {
        byte[] bytes = serializedKeys[nextIndex()];
        return KeyGroups.partitionOf(KeyGroups.keyGroupOf(bytes, EngineDefaults.KEY_GROUPS), PARTITIONS);
    }

    private int nextIndex() {
        int index = next;
        if (++next == keyCount) {
            next = 0;
        }
        return index;
    }
}
