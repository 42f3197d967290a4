package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.weir.internals.context.KeyedStateProvider;
import dev.weir.internals.context.StateHandle;
import dev.weir.internals.context.StateValues;
import dev.weir.internals.operators.RecordSink;
import dev.weir.internals.operators.SplitInput;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.state.InternalTimerService;
import dev.weir.internals.state.KeyContext;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.state.State;
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
    private final List<TimerBinding> timers = new ArrayList<>();
    private State[] states = new State[0];
    private BarrierAligner<TopicPartition, ConsumerRecord<byte[], byte[]>> aligner;
    private long currentTimestamp;

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

    void addInput(TopicPartition split, SplitInput input) {
        inputs.put(split, input);
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

    /** The earliest processing-time timer of the task, {@code Long.MAX_VALUE} if none. */
    long nextTimerTime() {
        long next = Long.MAX_VALUE;
        for (TimerBinding binding : timers) {
            next = Math.min(next, binding.service.nextTimerTime());
        }
        return next;
    }

    /** Fires every processing-time timer due at {@code now}, each through {@code runner}. */
    void fireTimers(long now, TimerRunner runner) {
        for (TimerBinding binding : timers) {
            if (binding.service.nextTimerTime() <= now) {
                binding.service.fireTimersUpTo(now, timestamp -> runner.run(this, binding.target, timestamp));
            }
        }
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
            return StateValues.read(keyedState(handle));
        } finally {
            backend.undoRecord();
        }
    }

    /** Releases the task's state; {@code clean} after a committed checkpoint, otherwise staged changes are dropped. */
    void close(boolean clean) {
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
    public long currentProcessingTime() {
        return System.currentTimeMillis();
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
        timers.add(new TimerBinding(service, target));
        return service;
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
        void run(StreamTask task, TimerTarget target, long timestamp);
    }

    private static final class TimerBinding {
        final InternalTimerService service;
        final TimerTarget target;

        TimerBinding(InternalTimerService service, TimerTarget target) {
            this.service = service;
            this.target = target;
        }
    }
}
