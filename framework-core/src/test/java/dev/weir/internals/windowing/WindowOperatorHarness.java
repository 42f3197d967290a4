package dev.weir.internals.windowing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import dev.weir.functions.TimeDomain;
import dev.weir.internals.context.ActiveTask;
import dev.weir.internals.context.KeyedStateProvider;
import dev.weir.internals.context.OperatorRuntimeContext;
import dev.weir.internals.context.StateHandle;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.graph.WindowTransformation;
import dev.weir.internals.keygroup.KeyGroups;
import dev.weir.internals.operators.OperatorEventTime;
import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.RecordSink;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.operators.TaskTimers;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.state.InternalTimerService;
import dev.weir.internals.state.KeyContext;
import dev.weir.internals.state.SharedRocksDbResources;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.kafka.KafkaRecordSerializer;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.Window;
import dev.weir.windowing.WindowAssigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Drives one {@link WindowOperator} as a task of the engine would, over a real RocksDB-backed
 * {@link TaskStateBackend}: elements go in one at a time inside {@code backend.beginRecord()},
 * the watermark and the processing time are set by the test, and event-time and processing-time
 * timers fire in timestamp order, each as its own element, exactly as {@code StreamTask} and
 * {@code WorkerSession} fire them. What the operator emits and what it finds late is captured
 * with its timestamp, and {@link #checkpointAndRestart()} commits the state, closes the backend
 * and rebuilds the operator on the reopened state, as a restarted task would.
 *
 * <p>The task is partition 0 of a one-partition topic, so it owns every key group. It is the test
 * thread's active task, so the state a process window function declared in {@code open} resolves
 * through it, as through a task of the engine.
 *
 * @param <K> the key type
 * @param <IN> the element type
 * @param <OUT> the output type
 */
final class WindowOperatorHarness<K, IN, OUT> implements TaskContext, KeyedStateProvider, AutoCloseable {

    /** The uid of the window operator under test. */
    static final String UID = "window";
    /** The topic of the side output that captures late elements. */
    static final String LATE_TOPIC = "late-elements";
    /** The application's late-data topic, for operators that use the default late-data policy. */
    static final String LATE_DATA_TOPIC = "app-late";
    static final String INPUT_TOPIC = "input";
    static final int KEY_GROUPS = 128;
    private static final long STATE_MEMORY = 16L << 20;

    /** Builds the operator under test for a task, pushing results to {@code output} and late elements to {@code lateSink}. */
    @FunctionalInterface
    interface OperatorFactory<K, IN, OUT> {
        WindowOperator<K, IN, ?, OUT, ?> create(TaskContext task, Output<OUT> output, KafkaSink<IN> lateSink);
    }

    /** A result of the operator: its value, the timestamp it carries, and the clocks when it was emitted. */
    record Emitted<OUT>(OUT value, long timestamp, long watermark, long processingTime) {
    }

    /** An element the operator found late, with its event time and the watermark it arrived at. */
    record Late<IN>(IN element, long timestamp, long watermark) {
    }

    /** A record written to the task's sink other than the captured late side output. */
    record SinkRecord(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    }

    private final Path directory;
    private final boolean ownsDirectory;
    private final SharedRocksDbResources resources;
    private final boolean ownsResources;
    private final Serde<K> keySerde;
    private final OperatorFactory<K, IN, OUT> factory;
    private final KafkaSink<IN> lateSink;
    private final CapturingSink sink = new CapturingSink();
    private final List<Emitted<OUT>> emitted = new ArrayList<>();
    private final List<Late<IN>> late = new ArrayList<>();
    private final List<SinkRecord> sinkRecords = new ArrayList<>();
    private final List<OperatorEventTime> eventTimes = new ArrayList<>();
    private final List<InternalTimerService> processingTimers = new ArrayList<>();
    private final Map<Integer, State> handleStates = new HashMap<>();
    private TaskTimers timers = new TaskTimers();

    private TaskStateBackend backend;
    private KeyContext keyContext;
    private WindowOperator<K, IN, ?, OUT, ?> operator;
    private long watermark = Long.MIN_VALUE;
    private long processingTime;
    private long currentTimestamp;
    private ConsumerRecord<byte[], byte[]> currentRecord;
    private long nextOffset;
    private long checkpoints;
    private IN pendingLateElement;

    private WindowOperatorHarness(Path directory, boolean ownsDirectory, SharedRocksDbResources resources,
                                  boolean ownsResources, Serde<K> keySerde, OperatorFactory<K, IN, OUT> factory) {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.resources = resources;
        this.ownsResources = ownsResources;
        this.keySerde = keySerde;
        this.factory = factory;
        this.lateSink = KafkaSink.of(LATE_TOPIC, new CapturingLateSerializer());
        openOperator();
    }

    /** A harness whose state lives in {@code directory} (a JUnit {@code @TempDir}, say). */
    static <K, IN, OUT> WindowOperatorHarness<K, IN, OUT> open(Path directory, Serde<K> keySerde,
                                                               OperatorFactory<K, IN, OUT> factory) {
        return new WindowOperatorHarness<>(directory, false, SharedRocksDbResources.create(STATE_MEMORY), true,
                keySerde, factory);
    }

    /**
     * A harness whose state lives in a new temporary directory, deleted on {@link #close()}, with
     * RocksDB resources the caller shares between harnesses and closes itself.
     */
    static <K, IN, OUT> WindowOperatorHarness<K, IN, OUT> openTemporary(SharedRocksDbResources resources, Serde<K> keySerde,
                                                                        OperatorFactory<K, IN, OUT> factory) {
        try {
            return new WindowOperatorHarness<>(Files.createTempDirectory("window-harness"), true, resources, false,
                    keySerde, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the operator with its constructor, late elements going to the captured side output. */
    static <K, IN, R, OUT, W extends Window> OperatorFactory<K, IN, OUT> direct(
            WindowAssigner<? super IN, W> assigner, Trigger<? super IN, ? super W> trigger, long allowedLateness,
            WindowContentsFactory<IN, R> contents, WindowFunctionRunner<R, OUT, K, W> function,
            Deserializer<K> keyDeserializer) {
        return (task, output, lateSink) -> new WindowOperator<>(UID, assigner, trigger, allowedLateness,
                contents.create(UID, task), function,
                LateDataPolicy.sideOutput(lateSink).create(UID, LATE_DATA_TOPIC, task),
                keyDeserializer, output, task);
    }

    /**
     * Builds the operator through the public pipeline API: {@code windowing} turns a keyed stream
     * into the windowed result (it may send late data to the side output it is given), and the
     * harness takes the window transformation's operator out of the built graph.
     */
    @SuppressWarnings("unchecked")
    static <K, IN, OUT> OperatorFactory<K, IN, OUT> pipeline(
            Serde<K> keySerde, BiFunction<KeyedStream<IN, K>, KafkaSink<IN>, DataStream<OUT>> windowing) {
        return (task, output, lateSink) -> {
            PipelineBuilder builder = new PipelineBuilder();
            Deserializer<IN> neverUsed = (topic, data) -> {
                throw new UnsupportedOperationException("the harness feeds elements directly");
            };
            KeyedStream<IN, K> keyed = builder.source(KafkaSource.values(INPUT_TOPIC, neverUsed))
                    .reinterpretAsKeyed(element -> {
                        throw new UnsupportedOperationException("the harness passes keys directly");
                    }, keySerde);
            DataStream<OUT> result = windowing.apply(keyed, lateSink).uid(UID);
            result.sinkTo(KafkaSink.values("output", (topic, value) -> new byte[0]));
            Pipeline pipeline = builder.build();
            WindowTransformation window = null;
            for (Transformation node : pipeline.graph().nodes()) {
                if (node instanceof WindowTransformation w) {
                    window = w;
                }
            }
            if (window == null) {
                throw new IllegalStateException("the pipeline has no window: " + pipeline.describe());
            }
            try {
                window.function().open(new OperatorRuntimeContext("app", UID, new AtomicInteger()));
            } catch (Exception e) {
                throw new IllegalStateException("opening the window function failed", e);
            }
            return (WindowOperator<K, IN, ?, OUT, ?>) window.createOperator(keySerde.deserializer(), output, task,
                    LATE_DATA_TOPIC);
        };
    }

    /** The side output that captures late elements, for pipelines built outside {@link #pipeline}. */
    KafkaSink<IN> lateSink() {
        return lateSink;
    }

    // ------------------------------------------------------------------ driving the operator

    /**
     * Processes one element of {@code key} with event time {@code timestamp}, as the engine
     * processes a consumed record: the key is serialized with the key serde, placed in its key
     * group, and the operator runs inside {@code backend.beginRecord()}. A failure undoes the
     * element's state changes and is rethrown.
     */
    void processElement(K key, long timestamp, IN value) {
        byte[] keyBytes = keySerde.serializer().serialize(INPUT_TOPIC, key);
        int keyGroup = KeyGroups.keyGroupOf(keyBytes, KEY_GROUPS);
        long offset = nextOffset++;
        currentRecord = new ConsumerRecord<>(INPUT_TOPIC, 0, offset, timestamp, TimestampType.CREATE_TIME,
                keyBytes.length, -1, keyBytes, String.valueOf(value).getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(), Optional.empty());
        currentTimestamp = timestamp;
        backend.beginRecord();
        try {
            operator.processKeyed(key, keyBytes, keyGroup, value);
        } catch (RuntimeException e) {
            backend.undoRecord();
            throw e;
        }
        if (timers.hasEventTimersDue()) {
            currentRecord = null;
            timers.advanceWatermark(watermark, this::fire);
        }
    }

    /**
     * Moves the watermark to {@code newWatermark} and fires every event-time timer at or below it,
     * earliest first, each as an element; a watermark that does not advance changes nothing, as
     * in the engine, where the watermark never goes back.
     */
    void advanceWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        currentRecord = null;
        timers.advanceWatermark(watermark, this::fire);
    }

    /**
     * Sets the wall clock to {@code time} and fires every processing-time timer at or below it,
     * earliest first, each as an element.
     *
     * @throws IllegalArgumentException if the clock would go back
     */
    void advanceProcessingTime(long time) {
        if (time < processingTime) {
            throw new IllegalArgumentException("processing time goes back from " + processingTime + " to " + time);
        }
        processingTime = time;
        currentRecord = null;
        timers.fireProcessingTimers(time, this::fire);
    }

    /** Runs one timer firing as an element, as the engine does. */
    private void fire(TimerTarget target, long timestamp, TimeDomain domain) {
        currentTimestamp = timestamp;
        backend.beginRecord();
        try {
            target.onTimer(timestamp, domain);
        } catch (RuntimeException e) {
            backend.undoRecord();
            throw e;
        }
    }

    /** The earliest event-time timer of the operator, {@code Long.MAX_VALUE} if none. */
    long nextEventTimer() {
        return eventTimes.stream().mapToLong(e -> e.timers().nextTimerTime()).min().orElse(Long.MAX_VALUE);
    }

    /** The earliest processing-time timer of the operator, {@code Long.MAX_VALUE} if none. */
    long nextProcessingTimer() {
        return processingTimers.stream().mapToLong(InternalTimerService::nextTimerTime).min().orElse(Long.MAX_VALUE);
    }

    /**
     * Takes a checkpoint (commits the staged state), closes the backend as a stopping task does,
     * reopens the same directory and builds a new operator on it, as the task restarted elsewhere
     * would. The watermark and the processing time carry over, as the engine restores the
     * watermark from the committed offsets.
     */
    void checkpointAndRestart() {
        backend.commitStaged(++checkpoints);
        backend.close();
        openOperator();
    }

    /** Closes the backend without a checkpoint and reopens it: whatever was staged since the last commit is gone. */
    void crashAndRestart() {
        backend.close();
        openOperator();
    }

    private void openOperator() {
        backend = TaskStateBackend.open(directory, resources, () -> processingTime);
        keyContext = new KeyContext();
        handleStates.clear();
        ActiveTask.set(this);
        eventTimes.clear();
        processingTimers.clear();
        timers = new TaskTimers();
        Output<OUT> output = value -> emitted.add(new Emitted<>(value, currentTimestamp, watermark, processingTime));
        operator = factory.create(this, output, lateSink);
        timers.resetWatermark(watermark);
    }

    // ------------------------------------------------------------------ what came out

    /** Everything emitted so far, in order. */
    List<Emitted<OUT>> emitted() {
        return List.copyOf(emitted);
    }

    /** The values emitted so far, in order. */
    List<OUT> values() {
        return emitted.stream().map(Emitted::value).toList();
    }

    /** What was emitted since the last call, in order, and forgets it. */
    List<Emitted<OUT>> drainEmitted() {
        List<Emitted<OUT>> drained = List.copyOf(emitted);
        emitted.clear();
        return drained;
    }

    /** The elements found late so far, in order. */
    List<Late<IN>> late() {
        return List.copyOf(late);
    }

    /** The late elements found since the last call, in order, and forgets them. */
    List<Late<IN>> drainLate() {
        List<Late<IN>> drained = List.copyOf(late);
        late.clear();
        return drained;
    }

    /** Records the operator wrote to the task's sink other than the captured late side output. */
    List<SinkRecord> sinkRecords() {
        return List.copyOf(sinkRecords);
    }

    long watermark() {
        return watermark;
    }

    TaskStateBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        ActiveTask.set(null);
        backend.close();
        if (ownsResources) {
            resources.close();
        }
        if (ownsDirectory) {
            TaskStateBackend.destroy(directory);
        }
    }

    // ------------------------------------------------------------------ TaskContext

    @Override
    public int partition() {
        return 0;
    }

    @Override
    public int partitionCount() {
        return 1;
    }

    @Override
    public int keyGroups() {
        return KEY_GROUPS;
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
        return processingTime;
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
        processingTimers.add(service);
        timers.addProcessingTimers(operatorUid, service, target);
        return service;
    }

    @Override
    public <S extends State> S keyedState(String operatorUid, StateDescriptor<S, ?> descriptor) {
        return backend.getKeyedState(operatorUid, descriptor, keyContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S keyedState(StateHandle<S> handle) {
        return (S) handleStates.computeIfAbsent(handle.index(),
                index -> backend.getKeyedState(handle.operatorUid(), handle.descriptor(), keyContext));
    }

    @Override
    public OperatorEventTime eventTime(String operatorUid, TimerTarget target) {
        OperatorEventTime eventTime = timers.addEventTimers(operatorUid,
                backend.timerService(operatorUid, "event", keyContext), target);
        eventTimes.add(eventTime);
        return eventTime;
    }

    /** Remembers the element it serializes, for the sink to record with the record's timestamp. */
    private final class CapturingLateSerializer implements KafkaRecordSerializer<IN> {

        @Override
        public byte[] serializeKey(String topic, IN element) {
            pendingLateElement = element;
            return null;
        }

        @Override
        public byte[] serializeValue(String topic, IN element) {
            pendingLateElement = element;
            return String.valueOf(element).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final class CapturingSink implements RecordSink {

        @Override
        public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp) {
            send(topic, partition, key, value, timestamp, new RecordHeaders());
        }

        @Override
        public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, Headers headers) {
            if (topic.equals(LATE_TOPIC)) {
                late.add(new Late<>(pendingLateElement, timestamp, watermark));
                pendingLateElement = null;
            } else {
                sinkRecords.add(new SinkRecord(topic, key, value, timestamp, headers));
            }
        }
    }
}
