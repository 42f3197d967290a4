package dev.weir.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.WeirRuntime;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code weir} actuator endpoint: reading it shows this instance's workers, their tasks with
 * partitions, committed offsets and lag, and their last checkpoints; writing to it (a POST)
 * triggers a checkpoint on every worker and waits for it.
 */
@Endpoint(id = "weir")
public class WeirEndpoint {

    private final WeirRuntimeLifecycle lifecycle;
    private final Duration checkpointTimeout;

    /** An endpoint over the runtime of {@code lifecycle}; a triggered checkpoint is awaited up to {@code checkpointTimeout}. */
    public WeirEndpoint(WeirRuntimeLifecycle lifecycle, Duration checkpointTimeout) {
        this.lifecycle = lifecycle;
        this.checkpointTimeout = checkpointTimeout;
    }

    /** The instance, its workers and their tasks. */
    @ReadOperation
    public Map<String, Object> status() {
        Optional<WeirRuntime> runtime = lifecycle.runtime();
        if (runtime.isEmpty()) {
            return Map.of("state", "NO_PIPELINE");
        }
        RuntimeStatus status = runtime.get().status();
        Map<String, Object> details = StatusDetails.instance(status);
        details.put("workers", StatusDetails.workers(status, Instant.now(), true));
        details.put("queryableStates", runtime.get().queryableOperators().stream()
                .map(o -> Map.<String, Object>of("operator", o.uid(), "states", o.states())).toList());
        return details;
    }

    /** Triggers a checkpoint on every worker and waits until each has completed one. */
    @WriteOperation
    public Map<String, Object> checkpoint() {
        Optional<WeirRuntime> runtime = lifecycle.runtime().filter(r -> r.state() == WeirRuntime.State.RUNNING);
        if (runtime.isEmpty()) {
            return Map.of("completed", false, "error", "the Weir runtime of this instance is not running");
        }
        long start = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            runtime.get().triggerCheckpoint().get(checkpointTimeout.toMillis(), TimeUnit.MILLISECONDS);
            result.put("completed", true);
        } catch (ExecutionException e) {
            result.put("completed", false);
            result.put("error", String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            result.put("completed", false);
            result.put("error", "no checkpoint completed within " + checkpointTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.put("completed", false);
            result.put("error", "interrupted");
        }
        result.put("durationMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        result.put("workers", runtime.get().status().workers().stream()
                .map(w -> Map.<String, Object>of("index", w.index(), "checkpointsCompleted", w.checkpointsCompleted()))
                .toList());
        return result;
    }
}
