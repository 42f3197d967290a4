package dev.weir.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.WeirRuntime;
import dev.weir.runtime.WorkerStatus;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP while the runtime runs and every worker that runs tasks completes checkpoints; DOWN, with
 * the reasons, when the runtime failed or stopped, a worker failed or waits to restart, or a
 * worker running tasks has completed no checkpoint for longer than {@code weir.checkpoint.timeout}
 * allows. UNKNOWN when the application runs no pipeline.
 */
public class WeirHealthIndicator extends AbstractHealthIndicator {

    private final WeirRuntimeLifecycle lifecycle;
    private final Duration checkpointTimeout;
    private final Duration checkpointInterval;

    /** Judges the runtime of {@code lifecycle} against the checkpoint interval and timeout. */
    public WeirHealthIndicator(WeirRuntimeLifecycle lifecycle, Duration checkpointInterval, Duration checkpointTimeout) {
        super("Weir health check failed");
        this.lifecycle = lifecycle;
        this.checkpointInterval = checkpointInterval;
        this.checkpointTimeout = checkpointTimeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<WeirRuntime> runtime = lifecycle.runtime();
        if (runtime.isEmpty()) {
            builder.unknown().withDetail("reason", "no Weir pipeline runs in this application");
            return;
        }
        RuntimeStatus status = runtime.get().status();
        Instant now = Instant.now();
        List<String> problems = problems(status, now);
        (problems.isEmpty() ? builder.up() : builder.down().withDetail("reasons", problems))
                .withDetails(StatusDetails.instance(status))
                .withDetail("workers", StatusDetails.workers(status, now, false));
    }

    private List<String> problems(RuntimeStatus status, Instant now) {
        List<String> problems = new ArrayList<>();
        if (status.state() != WeirRuntime.State.RUNNING) {
            problems.add("the runtime is " + status.state());
        }
        Duration allowed = checkpointTimeout.plus(checkpointInterval);
        for (WorkerStatus worker : status.workers()) {
            String name = "worker " + worker.index();
            switch (worker.phase()) {
                case FAILED:
                    problems.add(name + " failed for good: " + worker.failure().orElse("?"));
                    break;
                case RESTARTING:
                    problems.add(name + " waits to restart after: " + worker.failure().orElse("?"));
                    break;
                case RUNNING:
                    if (!worker.tasks().isEmpty() && worker.lastCheckpoint()
                            .map(c -> Duration.between(c.completedAt(), now).compareTo(allowed) > 0).orElse(false)) {
                        problems.add(name + " completed no checkpoint for more than " + allowed.toSeconds() + " s");
                    }
                    break;
                default:
                    break;
            }
        }
        return problems;
    }
}
