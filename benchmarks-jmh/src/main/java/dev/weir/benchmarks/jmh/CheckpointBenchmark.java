package dev.weir.benchmarks.jmh;

import dev.weir.internals.state.ChangelogRecordCodec;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * A checkpoint's work on one task's state, without a broker: {@code dirtyKeys} of the task's
 * {@code keyCount} keys were written since the last checkpoint (staged before each operation, not
 * measured); the checkpoint turns every staged change into a changelog record, as the worker does
 * through {@link TaskStateBackend#forEachStagedChange}, and then writes the staged changes and the
 * changelog offset to RocksDB in one batch ({@link TaskStateBackend#commitStaged}).
 *
 * <p>The changelog records go to a list instead of the transactional producer: the producer's
 * batching, compression, network round trips and transaction commit are not measured here (the
 * end-to-end benchmark covers them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckpointBenchmark {

    private static final String CHANGELOG_TOPIC = "weir-jmh-stage-0-changelog";
    private static final int CHANGELOG_PARTITION = 0;

    /** How many distinct keys the task holds, all committed. */
    @Param("10000")
    public int keyCount;

    /** How many of them were written since the last checkpoint. */
    @Param({"1000", "10000"})
    public int dirtyKeys;

    private TaskStateFixture fixture;
    private TaskStateBackend backend;
    private RecordKeys keys;
    private ValueState<Long> counts;

    /** Opens the state with a committed count for every key. */
    @Setup(Level.Trial)
    public void openState() {
        if (dirtyKeys > keyCount) {
            throw new IllegalArgumentException("dirtyKeys (" + dirtyKeys + ") must not exceed keyCount (" + keyCount + ")");
        }
        fixture = TaskStateFixture.open();
        keys = RecordKeys.of(keyCount);
        ValueState<Long> initial = fixture.state(countDescriptor());
        for (int i = 0; i < keyCount; i++) {
            keys.enter(i, fixture.keyContext());
            initial.update((long) i);
        }
        fixture.commitAndReopen();
        backend = fixture.backend();
        counts = fixture.state(countDescriptor());
    }

    /** Stages an increment of the next {@code dirtyKeys} keys, one record each, over nothing else staged. */
    @Setup(Level.Invocation)
    public void stageDirtyKeys() {
        backend.discardStaged();
        for (int i = 0; i < dirtyKeys; i++) {
            backend.beginRecord();
            keys.enter(keys.next(), fixture.keyContext());
            counts.update(counts.value() + 1);
        }
    }

    /** Deletes the state. */
    @TearDown(Level.Trial)
    public void closeState() {
        fixture.close();
    }

    /** A whole checkpoint of the state: changelog records, then the RocksDB write. */
    @Benchmark
    public List<ProducerRecord<byte[], byte[]>> checkpoint() {
        List<ProducerRecord<byte[], byte[]>> changelog = changelogRecords();
        fixture.commit(changelog.size());
        return changelog;
    }

    /** The changelog records of a checkpoint only: what {@link #checkpoint()} costs before RocksDB. */
    @Benchmark
    public List<ProducerRecord<byte[], byte[]>> changelogRecordsOnly() {
        return changelogRecords();
    }

    private List<ProducerRecord<byte[], byte[]>> changelogRecords() {
        List<ProducerRecord<byte[], byte[]>> changelog = new ArrayList<>();
        backend.forEachStagedChange((stateId, dbKey, value) -> changelog.add(new ProducerRecord<>(
                CHANGELOG_TOPIC, CHANGELOG_PARTITION, ChangelogRecordCodec.encodeKey(stateId, dbKey), value)));
        return changelog;
    }

    private static ValueStateDescriptor<Long> countDescriptor() {
        return new ValueStateDescriptor<>("count", Serdes.Long());
    }
}
