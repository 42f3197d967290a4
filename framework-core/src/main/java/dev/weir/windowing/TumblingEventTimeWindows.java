package dev.weir.windowing;

import java.time.Duration;

/**
 * Back-to-back event-time windows of one size, aligned to the epoch (plus an offset): each
 * element belongs to exactly one.
 *
 * @param <T> the element type
 */
public final class TumblingEventTimeWindows<T> extends FixedTimeWindows<T> {

    private TumblingEventTimeWindows(long size, long offset) {
        super(size, size, offset, true);
    }

    /** Windows of {@code size}. */
    public static <T> TumblingEventTimeWindows<T> of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /** Windows of {@code size}, shifted from the epoch by {@code offset} (a time zone, say). */
    public static <T> TumblingEventTimeWindows<T> of(Duration size, Duration offset) {
        long millis = TimeWindows.positiveMillis(size, "size");
        return new TumblingEventTimeWindows<>(millis, TimeWindows.validOffset(offset, millis));
    }
}
