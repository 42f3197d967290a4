package dev.weir.internals.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of one task on this instance, tagged with the task: records consumed, the estimated
 * size of its state, and how far its watermark trails the wall clock. They come with the task and
 * go with it when it moves to another instance.
 */
public final class TaskMeters implements AutoCloseable {

    private final EngineMeters engine;
    /** Held here: a counter keeps only a weak reference to what it reads. */
    private final LongSupplier consumed;
    private final List<Meter> meters = new ArrayList<>();

    /**
     * @param consumed the records the task consumed so far, readable from any thread
     * @param stateBytes the estimated size of the task's state, or {@code null} for a stateless task
     * @param watermark the task's watermark, or {@code null} if it has no event time
     */
    public TaskMeters(EngineMeters engine, String task, LongSupplier consumed, LongSupplier stateBytes,
                      LongSupplier watermark) {
        this.engine = engine;
        this.consumed = consumed;
        Tags tags = engine.tags().and("task", task);
        meters.add(FunctionCounter.builder("weir.records.consumed", consumed, LongSupplier::getAsLong)
                .description("Records the task read from its source partitions").tags(tags)
                .register(engine.registry()));
        if (stateBytes != null) {
            meters.add(Gauge.builder("weir.state.size", stateBytes, LongSupplier::getAsLong).baseUnit("bytes")
                    .description("RocksDB's estimate of the live data of the task's state").tags(tags)
                    .strongReference(true).register(engine.registry()));
        }
        if (watermark != null) {
            meters.add(TimeGauge.builder("weir.watermark.lag", watermark, TimeUnit.MILLISECONDS, TaskMeters::lag)
                    .description("How far the task's watermark trails the wall clock").tags(tags)
                    .strongReference(true).register(engine.registry()));
        }
    }

    private static double lag(LongSupplier watermark) {
        long value = watermark.getAsLong();
        return value == Long.MIN_VALUE ? Double.NaN : System.currentTimeMillis() - value;
    }

    /** Removes the task's meters. */
    @Override
    public void close() {
        meters.forEach(engine.registry()::remove);
    }
}
