package dev.weir.internals.runtime;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Whether a worker's output is backed up: when the producer's buffer ({@code buffer.memory})
 * runs low because the brokers take records more slowly than the worker makes them, the worker
 * pauses its partitions rather than fetch more, and resumes once the buffer has drained. The
 * time spent paused is the worker's backpressure.
 */
final class OutputPressure {

    /** Pause when less than this share of the buffer is free. */
    static final double PAUSE_BELOW = 0.25;
    /** Resume when more than this share is free again. */
    static final double RESUME_ABOVE = 0.75;

    private final Metric available;
    private final Metric total;
    private boolean paused;
    private long pausedSince;
    private volatile long pausedNanos;

    /**
     * @param producerMetrics the worker's producer's metrics, which hold its buffer's size and free space
     */
    OutputPressure(Map<MetricName, ? extends Metric> producerMetrics) {
        this.available = find(producerMetrics, "buffer-available-bytes");
        this.total = find(producerMetrics, "buffer-total-bytes");
    }

    /** A decision: pause the partitions, resume them, or leave them as they are. */
    enum Change { PAUSE, RESUME, NONE }

    /** Looks at the buffer at {@code nowNanos} and says whether the partitions must pause or may resume. */
    Change update(long nowNanos) {
        double free = freeShare();
        if (!paused && free < PAUSE_BELOW) {
            paused = true;
            pausedSince = nowNanos;
            return Change.PAUSE;
        }
        if (paused && free > RESUME_ABOVE) {
            paused = false;
            pausedNanos += nowNanos - pausedSince;
            return Change.RESUME;
        }
        return Change.NONE;
    }

    /** Whether the partitions are paused for the output now. */
    boolean isPaused() {
        return paused;
    }

    /** How long the worker was paused for its output in total, up to the last resume; safe to read from any thread. */
    long pausedNanos() {
        return pausedNanos;
    }

    private double freeShare() {
        double size = value(total);
        return size <= 0 ? 1 : value(available) / size;
    }

    private static double value(Metric metric) {
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static Metric find(Map<MetricName, ? extends Metric> metrics, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics")) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("the producer has no metric " + name);
    }
}
