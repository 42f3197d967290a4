package dev.weir.eventtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source tells event time: where an element's timestamp comes from, how far out of
 * order timestamps may arrive, and when a silent split stops holding back the watermark.
 *
 * <p>Each split (source partition) has its own watermark: the highest timestamp seen on it,
 * minus the out-of-orderness bound, minus one millisecond, as in Flink. A task's watermark is
 * the minimum over its splits that are not idle, and never goes back. An element whose
 * timestamp is at or below the watermark when it arrives is late.
 *
 * <pre>{@code
 * WatermarkStrategy<Payment> strategy = WatermarkStrategy
 *         .<Payment>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((payment, recordTimestamp) -> payment.paidAt())
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * @param <T> the element type
 */
public final class WatermarkStrategy<T> {

    private final Duration outOfOrderness;
    private final TimestampAssigner<T> timestampAssigner;
    private final Duration idleness;

    private WatermarkStrategy(Duration outOfOrderness, TimestampAssigner<T> timestampAssigner, Duration idleness) {
        this.outOfOrderness = outOfOrderness;
        this.timestampAssigner = timestampAssigner;
        this.idleness = idleness;
    }

    /**
     * Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}: elements up
     * to that much older than the newest one are still on time.
     */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("the out-of-orderness bound must not be negative: " + maxOutOfOrderness);
        }
        return new WatermarkStrategy<>(maxOutOfOrderness, null, null);
    }

    /** Watermarks for timestamps that never decrease within a split: no out-of-orderness allowed. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /**
     * This strategy with timestamps taken from elements; without one, an element's timestamp is
     * its Kafka record's timestamp.
     */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(outOfOrderness, Objects.requireNonNull(assigner, "assigner"), idleness);
    }

    /**
     * This strategy with an idleness timeout: a split that brings no record for {@code timeout}
     * of processing time stops holding back its task's watermark, and holds it again once it
     * brings a record.
     */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the idleness timeout must be positive: " + timeout);
        }
        return new WatermarkStrategy<>(outOfOrderness, timestampAssigner, timeout);
    }

    /** How far out of order timestamps may arrive. */
    public Duration outOfOrderness() {
        return outOfOrderness;
    }

    /** The element's timestamp; the record's timestamp unless an assigner was given. */
    public long timestampOf(T element, long recordTimestamp) {
        return timestampAssigner == null ? recordTimestamp : timestampAssigner.extractTimestamp(element, recordTimestamp);
    }

    /** The idleness timeout, if one was set. */
    public Optional<Duration> idleness() {
        return Optional.ofNullable(idleness);
    }
}
