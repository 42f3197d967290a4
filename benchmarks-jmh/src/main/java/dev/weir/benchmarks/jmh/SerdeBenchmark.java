package dev.weir.benchmarks.jmh;

import dev.weir.internals.keygroup.KeyGroups;
import dev.weir.internals.state.ChangelogRecordCodec;
import dev.weir.internals.state.StateKeyCodec;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The byte conversions of the per-record path: String and Long serdes (record keys and values,
 * state values), the RocksDB key every state access builds, the changelog record key every
 * staged change becomes at a checkpoint, and a list state's value (its elements serialized and
 * framed into one value, and back).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerdeBenchmark {

    private static final String TOPIC = "input";
    private static final byte[] NO_NAMESPACE = new byte[0];
    private static final String STATE_ID = "benchmark/count";
    private static final int KEY_COUNT = 10_000;

    private final Serializer<String> stringSerializer = new StringSerializer();
    private final Deserializer<String> stringDeserializer = new StringDeserializer();
    private final Serializer<Long> longSerializer = new LongSerializer();
    private final Deserializer<Long> longDeserializer = new LongDeserializer();
    private String[] strings;
    private byte[][] serializedStrings;
    private Long[] longs;
    private byte[][] serializedLongs;
    private int[] keyGroups;
    private byte[][] stateKeys;
    private int next;

    /** Makes the keys and their serialized forms. */
    @Setup(Level.Trial)
    public void makeValues() {
        RecordKeys recordKeys = RecordKeys.of(KEY_COUNT);
        Random random = new Random(42);
        strings = new String[KEY_COUNT];
        serializedStrings = new byte[KEY_COUNT][];
        longs = new Long[KEY_COUNT];
        serializedLongs = new byte[KEY_COUNT][];
        keyGroups = new int[KEY_COUNT];
        stateKeys = new byte[KEY_COUNT][];
        for (int i = 0; i < KEY_COUNT; i++) {
            strings[i] = recordKeys.key(i);
            serializedStrings[i] = stringSerializer.serialize(TOPIC, strings[i]);
            longs[i] = random.nextLong();
            serializedLongs[i] = longSerializer.serialize(TOPIC, longs[i]);
            keyGroups[i] = KeyGroups.keyGroupOf(serializedStrings[i], EngineDefaults.KEY_GROUPS);
            stateKeys[i] = StateKeyCodec.stateKey(keyGroups[i], serializedStrings[i], NO_NAMESPACE);
        }
    }

    /** A String to bytes. */
    @Benchmark
    public byte[] stringSerialize() {
        return stringSerializer.serialize(TOPIC, strings[nextIndex()]);
    }

    /** Bytes to a String. */
    @Benchmark
    public String stringDeserialize() {
        return stringDeserializer.deserialize(TOPIC, serializedStrings[nextIndex()]);
    }

    /** A Long to bytes. */
    @Benchmark
    public byte[] longSerialize() {
        return longSerializer.serialize(TOPIC, longs[nextIndex()]);
    }

    /** Bytes to a Long. */
    @Benchmark
    public Long longDeserialize() {
        return longDeserializer.deserialize(TOPIC, serializedLongs[nextIndex()]);
    }

    /** The RocksDB key of a state entry: key group, serialized key and (empty) namespace. */
    @Benchmark
    public byte[] stateKey() {
        int index = nextIndex();
        return StateKeyCodec.stateKey(keyGroups[index], serializedStrings[index], NO_NAMESPACE);
    }

    /** The changelog record key of a staged change: state id and RocksDB key. */
    @Benchmark
    public byte[] changelogKey() {
        return ChangelogRecordCodec.encodeKey(STATE_ID, stateKeys[nextIndex()]);
    }

    /** Replaces a key's list state: every element serialized and framed into one staged value. */
    @Benchmark
    public void listWrite(ListFixture list) {
        list.state.update(list.elements);
    }

    /** Reads a key's list state: the staged value unframed and every element deserialized. */
    @Benchmark
    public void listRead(ListFixture list, Blackhole blackhole) {
        for (Long element : list.state.get()) {
            blackhole.consume(element);
        }
    }

    private int nextIndex() {
        int index = next;
        if (++next == KEY_COUNT) {
            next = 0;
        }
        return index;
    }

    /** One key's list state of {@code listSize} longs, staged in a real task state. */
    @State(Scope.Thread)
    public static class ListFixture {

        /** How many elements the list has. */
        @Param({"10", "100"})
        public int listSize;

        private TaskStateFixture fixture;
        private ListState<Long> state;
        private List<Long> elements;

        /** Opens the state and stages the list under one key. */
        @Setup(Level.Trial)
        public void openState() {
            fixture = TaskStateFixture.open();
            RecordKeys.of(1).enter(0, fixture.keyContext());
            state = fixture.state(new ListStateDescriptor<>("amounts", Serdes.Long()));
            Random random = new Random(42);
            elements = new ArrayList<>(listSize);
            for (int i = 0; i < listSize; i++) {
                elements.add(random.nextLong());
            }
            state.update(elements);
        }

        /** Deletes the state. */
        @TearDown(Level.Trial)
        public void closeState() {
            fixture.close();
        }
    }
}
