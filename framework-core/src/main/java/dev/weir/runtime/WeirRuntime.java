package dev.weir.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;

import dev.weir.config.WeirConfig;
import dev.weir.internals.metrics.InstanceMeters;
import dev.weir.internals.runtime.InstanceRuntime;
import dev.weir.pipeline.Pipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Runs a pipeline on this instance: joins the application's consumer group, takes the tasks Kafka
 * assigns, processes them, and commits checkpoints. Start as many instances as you like, on as
 * many machines: they share the work through the group.
 *
 * <pre>{@code
 * try (WeirRuntime runtime = new WeirRuntime(pipeline, config)) {
 *     runtime.start();
 *     ...
 * }
 * }</pre>
 */
public final class WeirRuntime implements AutoCloseable {

    /** The life cycle of a runtime. */
    public enum State {
        /** Created, not started. */
        CREATED,
        /** Started: workers are in the group and process their tasks. */
        RUNNING,
        /** Every worker failed beyond what the restart strategy allows. */
        FAILED,
        /** Closed. */
        STOPPED
    }

    private final Pipeline pipeline;
    private final WeirConfig config;
    private final MeterRegistry meterRegistry;
    private InstanceRuntime instance;
    private InstanceMeters instanceMeters;
    private volatile State state = State.CREATED;

    /** A runtime for {@code pipeline}, without meters; nothing happens until {@link #start()}. */
    public WeirRuntime(Pipeline pipeline, WeirConfig config) {
        this(pipeline, config, new CompositeMeterRegistry());
    }

    /**
     * A runtime for {@code pipeline} that registers its {@code weir.*} meters, tagged with the
     * application and the instance, in {@code meterRegistry}; nothing happens until {@link #start()}.
     */
    public WeirRuntime(Pipeline pipeline, WeirConfig config, MeterRegistry meterRegistry) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.config = Objects.requireNonNull(config, "config");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    /**
     * Checks the topics, creates the internal ones, opens the operators and starts the workers.
     * A mistake in the configuration or the topics fails here, naming the property or topic.
     */
    public synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("a runtime starts once; this one is " + state);
        }
        instance = InstanceRuntime.start(pipeline.graph(), config, meterRegistry);
        state = State.RUNNING;
        instanceMeters = new InstanceMeters(instance.meters(), this::status);
    }

    /** Where the runtime stands; {@link State#FAILED} once every worker has failed for good. */
    public State state() {
        if (state == State.RUNNING && instance.allWorkersFailed()) {
            return State.FAILED;
        }
        return state;
    }

    /** This instance's id: part of its transactional ids, kept in its state directory. */
    public String instanceId() {
        requireStarted();
        return instance.instanceId();
    }

    /** The tasks this instance owns now, as {@code <stage>_<partition>}. */
    public Set<String> activeTasks() {
        requireStarted();
        Set<String> result = new TreeSet<>();
        instance.ownedTasks().forEach(t -> result.add(t.toString()));
        return result;
    }

    /** How many records this instance has sent to the dead-letter topic. */
    public long deadLetteredRecords() {
        requireStarted();
        return instance.deadLettered().get();
    }

    /** What this instance is doing: its workers, their tasks, offsets, lag and checkpoints. */
    public RuntimeStatus status() {
        requireStarted();
        return new RuntimeStatus(state(), config.applicationId(), instance.instanceId(), config.advertisedEndpoint(),
                instance.workerStatus(), instance.deadLettered().get());
    }

    /**
     * Asks every worker for a checkpoint now, ahead of {@code weir.checkpoint.interval}. The
     * future completes when each worker has completed a checkpoint that started after this call,
     * and fails if one of those checkpoints fails or a worker stops first.
     */
    public CompletableFuture<Void> triggerCheckpoint() {
        requireStarted();
        return instance.triggerCheckpoint();
    }

    /** The keyed operators of the pipeline whose state {@link #queryState} reads, with their states. */
    public List<QueryableOperator> queryableOperators() {
        requireStarted();
        return instance.queryableOperators();
    }

    /**
     * Where the state of {@code key} of the keyed operator {@code operatorUid} lives: its task,
     * and the instance running that task as of the last rebalance, with the endpoint it
     * advertises ({@code weir.advertised-endpoint}).
     *
     * @throws IllegalArgumentException if no keyed operator has that uid, or the key is not of its key type
     */
    public KeyLocation locateKey(String operatorUid, Object key) {
        requireStarted();
        return instance.locateKey(operatorUid, key);
    }

    /**
     * Reads the state {@code stateName} of the keyed operator {@code operatorUid} for {@code key}:
     * a value (of a value, reducing or aggregating state), a {@code List} or a {@code Map}; empty
     * if the key has none. The read sees the state as of the last committed checkpoint, never
     * changes that a failure could roll back, so it completes within about one
     * {@code weir.checkpoint.interval}. It changes nothing, not even a TTL'd entry's expiry.
     *
     * <p>Only the instance running the key's task can answer: elsewhere the future fails with
     * {@link StateNotLocalException}, which says where the key lives ({@link #locateKey}).
     *
     * @throws IllegalArgumentException if the operator or the state does not exist, or the key
     *         is not of the operator's key type
     */
    public CompletableFuture<Optional<Object>> queryState(String operatorUid, String stateName, Object key) {
        requireStarted();
        return instance.readState(operatorUid, stateName, key).thenApply(Optional::ofNullable);
    }

    /** Stops with a last checkpoint and leaves the group, waiting at most 30 seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Stops with a last checkpoint and leaves the group, waiting at most {@code timeout}. */
    public synchronized void close(Duration timeout) {
        if (state == State.STOPPED) {
            return;
        }
        if (instanceMeters != null) {
            instanceMeters.close();
        }
        if (instance != null) {
            instance.close(timeout);
        }
        state = State.STOPPED;
    }

    private void requireStarted() {
        if (instance == null) {
            throw new IllegalStateException("the runtime has not been started");
        }
    }
}
