package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.weir.functions.TimeDomain;
import dev.weir.internals.context.KeyedStateProvider;
import dev.weir.internals.context.StateHandle;
import dev.weir.internals.context.StateValues;
import dev.weir.internals.eventtime.SplitWatermark;
import dev.weir.internals.eventtime.TaskWatermark;
import dev.weir.internals.eventtime.WatermarkEmitter;
import dev.weir.internals.metrics.EngineMeters;
import dev.weir.internals.metrics.TaskMeters;
import dev.weir.internals.operators.OperatorEventTime;
import dev.weir.internals.operators.RecordSink;
import dev.weir.internals.operators.SplitInput;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.operators.TaskTimers;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.state.InternalTimerService;
import dev.weir.internals.state.KeyContext;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One task: the operators of a stage for one partition index, with its state and timers. It is
 * owned by one worker at a time and moves between instances as a whole.
 */
public final class StreamTask implements TaskContext, KeyedStateProvider {

    private final TaskId id;
    private final int partitionCount;
    private final int keyGroups;
    private final TaskStateBackend backend;
    private final RecordSink sink;
    private final KeyContext keyContext = new KeyContext();
    private final Map<TopicPartition, SplitInput> inputs = new LinkedHashMap<>();
    private final TaskTimers timers = new TaskTimers();
    private final TaskWatermark watermark = new TaskWatermark();
    private WatermarkEmitter watermarkEmitter;
    private State[] states = new State[0];
    private BarrierAligner<TopicPartition, ConsumerRecord<byte[], byte[]>> aligner;
    private long currentTimestamp;
    private ConsumerRecord<byte[], byte[]> currentRecord;
    private TaskMeters meters;
    private volatile long consumed;
    private volatile long publishedWatermark = Long.MIN_VALUE;
    private volatile long stateBytes;

    /**
     * @param backend the task's state, or {@code null} for a stateless stage
     */
    public StreamTask(TaskId id, int partitionCount, int keyGroups, TaskStateBackend backend, RecordSink sink) {
        this.id = id;
        this.partitionCount = partitionCount;
        this.keyGroups = keyGroups;
        this.backend = backend;
        this.sink = sink;
    }

    public TaskId id() {
        return id;
    }

    /** The task's state, or {@code null} for a stateless stage. */
    public TaskStateBackend backend() {
        return backend;
    }

    void addInput(TopicPartition split, SplitInput input, SplitWatermark splitWatermark, boolean carriesEventTime) {
        inputs.put(split, input);
        watermark.addSplit(split, splitWatermark, carriesEventTime);
    }

    /** Makes the task write its watermark into the repartition topics its stage writes. */
    void emitWatermarksWith(WatermarkEmitter emitter) {
        this.watermarkEmitter = emitter;
    }

    /** The task's watermark, checkpointed in its splits' offset metadata. */
    TaskWatermark watermark() {
        return watermark;
    }

    /** What writes the task's watermark downstream, or {@code null} if nothing downstream needs it. */
    WatermarkEmitter watermarkEmitter() {
        return watermarkEmitter;
    }

    /** The entry of a split into the operators. */
    public SplitInput input(TopicPartition split) {
        return inputs.get(split);
    }

    /** The splits the task reads. */
    public Set<TopicPartition> splits() {
        return inputs.keySet();
    }

    /**
     * Barrier {@code checkpointId} arrives on each of the task's splits. A task with several
     * splits feeds a union or a two-input operator, whose inputs must align.
     */
    void injectBarrier(long checkpointId) {
        if (inputs.size() < 2) {
            return;
        }
        if (aligner == null) {
            aligner = new BarrierAligner<>(inputs.keySet());
        }
        for (TopicPartition split : inputs.keySet()) {
            aligner.onBarrier(split, checkpointId);
        }
    }

    /** Whether the task's inputs are aligned at barrier {@code checkpointId}. */
    boolean isAligned(long checkpointId) {
        return aligner == null || aligner.isAligned(checkpointId);
    }

    /** Whether records of {@code split} must wait: it has a barrier the task's other splits lack. */
    boolean isBlocked(TopicPartition split) {
        return aligner != null && aligner.isBlocked(split);
    }

    /** Holds a record of a blocked split until the alignment completes. */
    void hold(TopicPartition split, ConsumerRecord<byte[], byte[]> record) {
        aligner.hold(split, record);
    }

    /** The records held while aligning, in order; the caller processes them. */
    List<Map.Entry<TopicPartition, ConsumerRecord<byte[], byte[]>>> releaseHeld() {
        return aligner == null ? List.of() : aligner.releaseHeld();
    }

    /** Starts a consumed record as an element: state changes from here on can be undone. */
    void beginRecord(ConsumerRecord<byte[], byte[]> record) {
        currentRecord = record;
        beginElement(record.timestamp());
    }

    /** Starts an element (a record or a timer): state changes from here on can be undone. */
    void beginElement(long timestamp) {
        currentTimestamp = timestamp;
        if (backend != null) {
            backend.beginRecord();
        }
    }

    /** Undoes the state changes of the current element, which failed. */
    void undoElement() {
        if (backend != null) {
            backend.undoRecord();
        }
    }

    /** Drops the state changes since the last checkpoint. */
    void discardStaged() {
        if (backend != null) {
            backend.discardStaged();
        }
    }

    boolean hasStagedChanges() {
        return backend != null && backend.hasStagedChanges();
    }

    /** Puts the task's timers in chain order: {@code uidsUpstreamFirst} lists its operators, upstream first. */
    void orderOperators(List<String> uidsUpstreamFirst) {
        timers.order(uidsUpstreamFirst);
    }

    /** The earliest processing-time timer of the task, {@code Long.MAX_VALUE} if none. */
    long nextTimerTime() {
        return timers.nextProcessingTime();
    }

    /** Fires every processing-time timer due at {@code now}, each through {@code runner}. */
    void fireTimers(long now, TimerRunner runner) {
        currentRecord = null;
        timers.fireProcessingTimers(now, (target, timestamp, domain) -> runner.run(this, target, timestamp, domain));
    }

    /**
     * Brings the operators to the task's watermark, upstream first, each firing its event-time
     * timers at or below it, in timestamp order.
     */
    void fireEventTimers(TimerRunner runner) {
        currentRecord = null;
        timers.advanceWatermark(watermark.current(), (target, timestamp, domain) -> runner.run(this, target, timestamp, domain));
    }

    /** Whether an operator registered an event-time timer at or below its watermark, which must fire now. */
    boolean hasEventTimersDue() {
        return timers.hasEventTimersDue();
    }

    /** Sets the operators' watermarks to the task's, firing nothing: after its watermark was restored. */
    void resetOperatorWatermarks() {
        timers.resetWatermark(watermark.current());
    }

    /**
     * Reads one key's entry of a state, as {@link StateValues#read} renders it. Whatever the read
     * writes (a TTL clean-up, a refreshed expiry) is undone: a query changes nothing.
     */
    Object readState(StateHandle<?> handle, int keyGroup, byte[] key) {
        if (backend == null) {
            throw new IllegalStateException(this + " keeps no state");
        }
        backend.beginRecord();
        try {
            keyContext.setCurrentKey(keyGroup, key);
            // A window may have left its own namespace; queryable state is the key's, in the default one.
            keyContext.setDefaultNamespace();
            return StateValues.read(keyedState(handle));
        } finally {
            backend.undoRecord();
        }
    }

    /** Makes the task's meters; they go when the task is closed. */
    void bindMeters(EngineMeters engine) {
        meters = new TaskMeters(engine, id.toString(), () -> consumed, backend == null ? null : () -> stateBytes,
                watermark.hasEventTime() ? () -> publishedWatermark : null);
    }

    /** The task read {@code records} more records. */
    void countConsumed(int records) {
        consumed += records;
    }

    /** Publishes the watermark and the state's estimated size, for readers on other threads. */
    void publishStats() {
        publishedWatermark = watermark.current();
        if (backend != null) {
            stateBytes = backend.estimatedLiveDataBytes();
        }
    }

    /** Releases the task's state; {@code clean} after a committed checkpoint, otherwise staged changes are dropped. */
    void close(boolean clean) {
        if (meters != null) {
            meters.close();
        }
        if (backend != null) {
            if (!clean) {
                backend.discardStaged();
            }
            backend.close();
        }
    }

    @Override
    public int partition() {
        return id.partition();
    }

    @Override
    public int partitionCount() {
        return partitionCount;
    }

    @Override
    public int keyGroups() {
        return keyGroups;
    }

    @Override
    public long currentTimestamp() {
        return currentTimestamp;
    }

    @Override
    public void assignTimestamp(long timestamp) {
        currentTimestamp = timestamp;
    }

    @Override
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public ConsumerRecord<byte[], byte[]> currentRecord() {
        return currentRecord;
    }

    @Override
    public KeyContext keyContext() {
        return keyContext;
    }

    @Override
    public RecordSink sink() {
        return sink;
    }

    @Override
    public InternalTimerService processingTimers(String operatorUid, TimerTarget target) {
        InternalTimerService service = backend.timerService(operatorUid, "processing", keyContext);
        timers.addProcessingTimers(operatorUid, service, target);
        return service;
    }

    @Override
    public <S extends State> S keyedState(String operatorUid, StateDescriptor<S, ?> descriptor) {
        return backend.getKeyedState(operatorUid, descriptor, keyContext);
    }

    @Override
    public OperatorEventTime eventTime(String operatorUid, TimerTarget target) {
        return timers.addEventTimers(operatorUid, backend.timerService(operatorUid, "event", keyContext), target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S keyedState(StateHandle<S> handle) {
        int index = handle.index();
        if (index >= states.length) {
            states = Arrays.copyOf(states, Math.max(index + 1, states.length * 2));
        }
        State state = states[index];
        if (state == null) {
            state = backend.getKeyedState(handle.operatorUid(), handle.descriptor(), keyContext);
            states[index] = state;
        }
        return (S) state;
    }

    @Override
    public String toString() {
        return "task " + id;
    }

    /** Runs one timer firing as an element. */
    @FunctionalInterface
    interface TimerRunner {
        void run(StreamTask task, TimerTarget target, long timestamp, TimeDomain domain);
    }
}
