package dev.weir.benchmarks.jmh;

import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
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

/**
 * A keyed count per record, as a keyed process function keeps it: the record's key made current,
 * then {@link ValueState#value()} and {@link ValueState#update}, through the real RocksDB backend
 * and its checkpoint staging overlay.
 *
 * <p>{@code readsFrom} says where a read finds the key: {@code committed} — only in RocksDB, as for
 * the first record of a key since the last checkpoint (the overlay is dropped once per round of
 * keys, so no key is staged when it is read); {@code staged} — in the overlay, as for a key
 * written again before the next checkpoint.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValueStateBenchmark {

    /** How many distinct keys the task holds. */
    @Param("10000")
    public int keyCount;

    /** Where reads find the key: {@code committed} or {@code staged}. */
    @Param({"committed", "staged"})
    public String readsFrom;

    private TaskStateFixture fixture;
    private RecordKeys keys;
    private ValueState<Long> counts;
    private boolean readsStaged;

    /** Opens the state with a committed count for every key (and, for {@code staged}, a staged one too). */
    @Setup(Level.Trial)
    public void openState() {
        readsStaged = TaskStateFixture.readsStaged(readsFrom);
        fixture = TaskStateFixture.open();
        keys = RecordKeys.of(keyCount);
        writeEveryKey();
        fixture.commitAndReopen();
        counts = fixture.state(countDescriptor());
        if (readsStaged) {
            writeEveryKey();
        }
    }

    /** Deletes the state. */
    @TearDown(Level.Trial)
    public void closeState() {
        fixture.close();
    }

    /** One record: read the key's count and write it back incremented. */
    @Benchmark
    public Long readModifyWrite() {
        startRecord();
        Long count = counts.value();
        counts.update(count + 1);
        return count;
    }

    /** One record that only reads the key's count. */
    @Benchmark
    public Long read() {
        startRecord();
        return counts.value();
    }

    /** What the engine does before a keyed operator sees a record. */
    private void startRecord() {
        fixture.startRecord(keys, readsStaged);
    }

    private void writeEveryKey() {
        ValueState<Long> state = fixture.state(countDescriptor());
        for (int i = 0; i < keys.count(); i++) {
            keys.enter(i, fixture.keyContext());
            state.update((long) i);
        }
    }

    private static ValueStateDescriptor<Long> countDescriptor() {
        return new ValueStateDescriptor<>("count", Serdes.Long());
    }
}
