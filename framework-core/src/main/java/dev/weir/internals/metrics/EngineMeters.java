package dev.weir.internals.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters the workers of an instance record into as they work, tagged with the application
 * and the instance: checkpoints, record latency, output, restores. Meters are thread-safe; the
 * workers share them.
 */
public final class EngineMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Tags tags;
    private final Timer checkpointDuration;
    private final Timer checkpointAlignment;
    private final DistributionSummary checkpointSize;
    private final Timer recordLatency;
    private final Counter recordsProduced;
    private final Counter restoredRecords;
    private final AtomicLong restoreRemaining = new AtomicLong();
    private final List<Meter> meters;

    /** Registers the meters in {@code registry}. */
    public EngineMeters(MeterRegistry registry, String applicationId, String instanceId) {
        this.registry = registry;
        this.tags = Tags.of("application", applicationId, "instance", instanceId);
        this.checkpointDuration = Timer.builder("weir.checkpoint.duration")
                .description("How long a checkpoint took, from its start to its commit").tags(tags)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
        this.checkpointAlignment = Timer.builder("weir.checkpoint.alignment")
                .description("How long a checkpoint's barriers took to align across the inputs of its tasks")
                .tags(tags).register(registry);
        this.checkpointSize = DistributionSummary.builder("weir.checkpoint.size")
                .description("Bytes of state changes a checkpoint wrote to the changelogs").baseUnit("bytes")
                .tags(tags).register(registry);
        this.recordLatency = Timer.builder("weir.record.latency")
                .description("How long after its timestamp a record was processed, sampled once per partition and poll")
                .tags(tags).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        this.recordsProduced = Counter.builder("weir.records.produced")
                .description("Records the operators wrote to sinks and repartition topics").tags(tags)
                .register(registry);
        this.restoredRecords = Counter.builder("weir.restore.records")
                .description("Changelog records replayed to restore task state").tags(tags).register(registry);
        Gauge restoring = Gauge.builder("weir.restore.remaining", restoreRemaining, AtomicLong::get)
                .description("Changelog records still to replay by the restores in progress").tags(tags)
                .register(registry);
        this.meters = new ArrayList<>(List.of(checkpointDuration, checkpointAlignment, checkpointSize, recordLatency,
                recordsProduced, restoredRecords, restoring));
    }

    /**
     * Registers the memory of the instance's RocksDB state: what it uses, and the limit,
     * {@code weir.state.memory}.
     */
    public void bindStateMemory(LongSupplier usage, long limit) {
        meters.add(Gauge.builder("weir.state.memory.used", usage, LongSupplier::getAsLong).baseUnit("bytes")
                .description("Memory RocksDB uses for block cache and write buffers, all tasks together").tags(tags)
                .strongReference(true).register(registry));
        meters.add(Gauge.builder("weir.state.memory.limit", () -> limit).baseUnit("bytes")
                .description("The bound on RocksDB's memory, weir.state.memory").tags(tags).strongReference(true)
                .register(registry));
    }

    /** The registry, for meters of a task or a client. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The application and instance tags. */
    public Tags tags() {
        return tags;
    }

    /** A checkpoint committed after {@code nanos}, having written {@code changelogBytes}. */
    public void checkpointCompleted(long nanos, long changelogBytes) {
        checkpointDuration.record(nanos, TimeUnit.NANOSECONDS);
        checkpointSize.record(changelogBytes);
    }

    /** A checkpoint's barriers aligned after {@code nanos}. */
    public void aligned(long nanos) {
        checkpointAlignment.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A record was processed {@code millis} after its timestamp. */
    public void recordLatency(long millis) {
        recordLatency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** The operators wrote {@code count} records. */
    public void produced(int count) {
        recordsProduced.increment(count);
    }

    /** A restore of {@code records} changelog records begins. */
    public void restoreStarted(long records) {
        restoreRemaining.addAndGet(records);
    }

    /** A restore replayed {@code records} more. */
    public void restored(long records) {
        restoredRecords.increment(records);
        restoreRemaining.addAndGet(-records);
    }

    /** Removes the meters. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }

    /** A restore ended with {@code unreplayed} of its announced records not replayed (aborted transactions, compaction). */
    public void restoreEnded(long unreplayed) {
        restoreRemaining.addAndGet(-unreplayed);
    }
}
