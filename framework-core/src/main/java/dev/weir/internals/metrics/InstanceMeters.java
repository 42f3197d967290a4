package dev.weir.internals.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.WorkerStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The meters of the instance as a whole, read from its status: tasks, lag, checkpoints completed
 * and failed, consecutive failures, the age of the stalest worker's last checkpoint, dead-lettered
 * records, workers by phase, and the time workers spent paused for their output (backpressure).
 */
public final class InstanceMeters implements AutoCloseable {

    private final EngineMeters engine;
    private final Supplier<RuntimeStatus> status;
    private final List<Meter> meters = new ArrayList<>();

    /** Registers the meters; {@code status} is read on every scrape. */
    public InstanceMeters(EngineMeters engine, Supplier<RuntimeStatus> status) {
        this.engine = engine;
        this.status = status;
        Tags tags = engine.tags();
        gauge("weir.tasks.active", "Tasks this instance runs", tags, s -> s.tasks().size());
        gauge("weir.consumer.lag", "Records of the instance's source partitions not yet read", tags, RuntimeStatus::lag);
        gauge("weir.checkpoint.failures.consecutive", "The most consecutive failed checkpoints of a worker", tags,
                s -> s.workers().stream().mapToInt(WorkerStatus::consecutiveCheckpointFailures).max().orElse(0));
        counter("weir.checkpoints.completed", "Checkpoints completed by the instance's workers", tags, null,
                s -> s.workers().stream().mapToLong(WorkerStatus::checkpointsCompleted).sum());
        counter("weir.checkpoints.failed", "Checkpoints abandoned or failed", tags, null,
                s -> s.workers().stream().mapToLong(WorkerStatus::checkpointsFailed).sum());
        counter("weir.dlq.records", "Records sent to the dead-letter topic", tags, null,
                RuntimeStatus::deadLetteredRecords);
        counter("weir.backpressure", "Time workers kept their partitions paused because their output was backed up; "
                + "its rate is the share of time under backpressure", tags, "seconds",
                s -> s.workers().stream().mapToLong(w -> w.backpressured().toNanos()).sum() / 1e9);
        meters.add(TimeGauge.builder("weir.checkpoint.age", status, TimeUnit.MILLISECONDS, InstanceMeters::oldestCheckpointAge)
                .description("Time since the last checkpoint of the worker that checkpointed longest ago").tags(tags)
                .strongReference(true).register(engine.registry()));
        for (WorkerStatus.Phase phase : WorkerStatus.Phase.values()) {
            gauge("weir.workers", "Workers by phase", tags.and("phase", phase.name().toLowerCase(Locale.ROOT)),
                    s -> s.workers().stream().filter(w -> w.phase() == phase).count());
        }
    }

    private void gauge(String name, String description, Tags tags, ToDoubleFunction<RuntimeStatus> value) {
        meters.add(Gauge.builder(name, status, s -> value.applyAsDouble(s.get())).description(description).tags(tags)
                .strongReference(true).register(engine.registry()));
    }

    private void counter(String name, String description, Tags tags, String unit, ToDoubleFunction<RuntimeStatus> value) {
        meters.add(FunctionCounter.builder(name, status, s -> value.applyAsDouble(s.get())).description(description)
                .tags(tags).baseUnit(unit).register(engine.registry()));
    }

    private static double oldestCheckpointAge(Supplier<RuntimeStatus> status) {
        Instant now = Instant.now();
        return status.get().workers().stream()
                .filter(w -> w.lastCheckpoint().isPresent())
                .mapToLong(w -> Duration.between(w.lastCheckpoint().get().completedAt(), now).toMillis())
                .max().orElse(0);
    }

    /** Removes the meters. */
    @Override
    public void close() {
        meters.forEach(engine.registry()::remove);
    }
}
