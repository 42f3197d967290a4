package dev.weir.benchmarks.jmh;

import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A count per (key, merchant) kept in a {@link MapState}, one record at a time: the record's key
 * made current, then one map entry read, read and written, or all of the key's entries walked,
 * through the real RocksDB backend and its checkpoint staging overlay. Each map entry is its own
 * RocksDB entry under the key's prefix, so a walk is a prefix scan.
 *
 * <p>{@code readsFrom} is as in {@link ValueStateBenchmark}: {@code committed} — entries are
 * found only in RocksDB; {@code staged} — every entry is also staged in the overlay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MapStateBenchmark {

    /** How many distinct keys the task holds. */
    @Param("10000")
    public int keyCount;

    /** How many map entries each key has. */
    @Param("8")
    public int entriesPerKey;

    /** Where reads find the entries: {@code committed} or {@code staged}. */
    @Param({"committed", "staged"})
    public String readsFrom;

    private TaskStateFixture fixture;
    private RecordKeys keys;
    private String[] merchants;
    private int nextMerchant;
    private MapState<String, Long> counts;
    private boolean readsStaged;

    /** Opens the state with {@code entriesPerKey} committed entries for every key (for {@code staged}, staged too). */
    @Setup(Level.Trial)
    public void openState() {
        readsStaged = TaskStateFixture.readsStaged(readsFrom);
        fixture = TaskStateFixture.open();
        keys = RecordKeys.of(keyCount);
        merchants = new String[entriesPerKey];
        for (int i = 0; i < entriesPerKey; i++) {
            merchants[i] = "merchant-" + i;
        }
        writeEveryEntry();
        fixture.commitAndReopen();
        counts = fixture.state(countsDescriptor());
        if (readsStaged) {
            writeEveryEntry();
        }
    }

    /** Deletes the state. */
    @TearDown(Level.Trial)
    public void closeState() {
        fixture.close();
    }

    /** One record that reads one entry of its key. */
    @Benchmark
    public Long get() {
        startRecord();
        return counts.get(nextMerchant());
    }

    /** One record that increments one entry of its key. */
    @Benchmark
    public Long getAndPut() {
        startRecord();
        String merchant = nextMerchant();
        Long count = counts.get(merchant);
        counts.put(merchant, count + 1);
        return count;
    }

    /** One record that walks every entry of its key. */
    @Benchmark
    public void iterate(Blackhole blackhole) {
        startRecord();
        for (Map.Entry<String, Long> entry : counts.entries()) {
            blackhole.consume(entry);
        }
    }

    /** What the engine does before a keyed operator sees a record. */
    private void startRecord() {
        fixture.startRecord(keys, readsStaged);
    }

    private String nextMerchant() {
        String merchant = merchants[nextMerchant];
        if (++nextMerchant == merchants.length) {
            nextMerchant = 0;
        }
        return merchant;
    }

    private void writeEveryEntry() {
        MapState<String, Long> state = fixture.state(countsDescriptor());
        for (int i = 0; i < keys.count(); i++) {
            keys.enter(i, fixture.keyContext());
            for (String merchant : merchants) {
                state.put(merchant, (long) i);
            }
        }
    }

    private static MapStateDescriptor<String, Long> countsDescriptor() {
        return new MapStateDescriptor<>("counts-by-merchant", Serdes.String(), Serdes.Long());
    }
}
