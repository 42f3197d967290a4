package dev.weir.windowing;

import java.time.Duration;

/**
 * Back-to-back windows of the wall clock of the instance that owns the key: an element
 * belongs to the window the clock is in when it arrives.
 *
 * @param <T> the element type
 */
public final class TumblingProcessingTimeWindows<T> extends FixedTimeWindows<T> {

    private TumblingProcessingTimeWindows(long size, long offset) {
        super(size, size, offset, false);
    }

    /** Windows of {@code size}. */
    public static <T> TumblingProcessingTimeWindows<T> of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /** Windows of {@code size}, shifted from the epoch by {@code offset}. */
    public static <T> TumblingProcessingTimeWindows<T> of(Duration size, Duration offset) {
        long millis = TimeWindows.positiveMillis(size, "size");
        return new TumblingProcessingTimeWindows<>(millis, TimeWindows.validOffset(offset, millis));
    }
}
