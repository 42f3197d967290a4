package dev.weir.windowing;

import java.time.Duration;

/**
 * Event-time windows of one size that start every {@code slide}: an element belongs to
 * {@code size / slide} of them.
 *
 * @param <T> the element type
 */
public final class SlidingEventTimeWindows<T> extends FixedTimeWindows<T> {

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, true);
    }

    /** Windows of {@code size} starting every {@code slide}. */
    public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows of {@code size} starting every {@code slide}, shifted from the epoch by {@code offset}. */
    public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide, Duration offset) {
        long sizeMillis = TimeWindows.positiveMillis(size, "size");
        long slideMillis = TimeWindows.positiveMillis(slide, "slide");
        return new SlidingEventTimeWindows<>(sizeMillis, slideMillis, TimeWindows.validOffset(offset, slideMillis));
    }
}
