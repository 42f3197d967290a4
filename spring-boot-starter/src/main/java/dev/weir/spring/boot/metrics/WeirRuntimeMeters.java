package dev.weir.spring.boot.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.WeirRuntime;
import dev.weir.runtime.WorkerStatus;
import dev.weir.spring.boot.WeirRuntimeStartedEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import org.springframework.context.ApplicationListener;

/**
 * Meters of the instance as a whole, registered when the runtime starts and tagged with the
 * application and the instance: tasks, lag, checkpoints completed and failed, the age of the
 * oldest worker's last checkpoint, records dead-lettered, and workers by phase.
 */
public class WeirRuntimeMeters implements ApplicationListener<WeirRuntimeStartedEvent> {

    private final MeterRegistry registry;

    /** Registers the meters in {@code registry}. */
    public WeirRuntimeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(WeirRuntimeStartedEvent event) {
        bind(event.getRuntime());
    }

    private void bind(WeirRuntime runtime) {
        RuntimeStatus first = runtime.status();
        Tags tags = Tags.of("application", first.applicationId(), "instance", first.instanceId());
        gauge("weir.tasks.active", "Tasks this instance runs", runtime, tags, s -> s.tasks().size(), null);
        gauge("weir.consumer.lag", "Records of the instance's source partitions not yet read", runtime, tags,
                RuntimeStatus::lag, "records");
        gauge("weir.checkpoint.failures.consecutive", "The most consecutive failed checkpoints of a worker", runtime,
                tags, s -> s.workers().stream().mapToInt(WorkerStatus::consecutiveCheckpointFailures).max().orElse(0),
                null);
        FunctionCounter.builder("weir.checkpoints.completed", runtime,
                        r -> r.status().workers().stream().mapToLong(WorkerStatus::checkpointsCompleted).sum())
                .description("Checkpoints completed by the instance's workers").tags(tags).register(registry);
        FunctionCounter.builder("weir.checkpoints.failed", runtime,
                        r -> r.status().workers().stream().mapToLong(WorkerStatus::checkpointsFailed).sum())
                .description("Checkpoints abandoned or failed").tags(tags).register(registry);
        FunctionCounter.builder("weir.dlq.records", runtime, r -> r.status().deadLetteredRecords())
                .description("Records sent to the dead-letter topic").tags(tags).baseUnit("records").register(registry);
        TimeGauge.builder("weir.checkpoint.age", runtime, TimeUnit.MILLISECONDS, WeirRuntimeMeters::oldestCheckpointAge)
                .description("Time since the last checkpoint of the worker that checkpointed longest ago").tags(tags)
                .register(registry);
        for (WorkerStatus.Phase phase : WorkerStatus.Phase.values()) {
            gauge("weir.workers", "Workers by phase", runtime, tags.and("phase", phase.name().toLowerCase(Locale.ROOT)),
                    s -> s.workers().stream().filter(w -> w.phase() == phase).count(), null);
        }
    }

    /** A gauge of the runtime's status; {@code unit} may be {@code null} for a plain count. */
    private void gauge(String name, String description, WeirRuntime runtime, Tags tags,
                       ToDoubleFunction<RuntimeStatus> value, String unit) {
        Gauge.builder(name, runtime, r -> value.applyAsDouble(r.status())).description(description).tags(tags)
                .baseUnit(unit).register(registry);
    }

    private static double oldestCheckpointAge(WeirRuntime runtime) {
        Instant now = Instant.now();
        return runtime.status().workers().stream()
                .filter(w -> w.lastCheckpoint().isPresent())
                .mapToLong(w -> Duration.between(w.lastCheckpoint().get().completedAt(), now).toMillis())
                .max().orElse(0);
    }
}
