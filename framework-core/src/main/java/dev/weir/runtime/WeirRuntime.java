package dev.weir.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.weir.config.WeirConfig;
import dev.weir.internals.runtime.InstanceRuntime;
import dev.weir.pipeline.Pipeline;

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
    private InstanceRuntime instance;
    private volatile State state = State.CREATED;

    /** A runtime for {@code pipeline}; nothing happens until {@link #start()}. */
    public WeirRuntime(Pipeline pipeline, WeirConfig config) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Checks the topics, creates the internal ones, opens the operators and starts the workers.
     * A mistake in the configuration or the topics fails here, naming the property or topic.
     */
    public synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("a runtime starts once; this one is " + state);
        }
        instance = InstanceRuntime.start(pipeline.graph(), config);
        state = State.RUNNING;
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
