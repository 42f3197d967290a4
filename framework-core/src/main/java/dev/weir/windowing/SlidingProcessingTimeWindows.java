package dev.weir.windowing;

import java.time.Duration;

/**
 * Windows of the wall clock of one size that start every {@code slide}.
 *
 * @param <T> the element type
 */
public final class SlidingProcessingTimeWindows<T> extends FixedTimeWindows<T> {

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, false);
    }

    /** Windows of {@code size} starting every {@code slide}. */
    public static <T> SlidingProcessingTimeWindows<T> of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows of {@code size} starting every {@code slide}, shifted from the epoch by {@code offset}. */
    public static <T> SlidingProcessingTimeWindows<T> of(Duration size, Duration slide, Duration offset) {
        long sizeMillis = TimeWindows.positiveMillis(size, "size");
        long slideMillis = TimeWindows.positiveMillis(slide, "slide");
        return new SlidingProcessingTimeWindows<>(sizeMillis, slideMillis, TimeWindows.validOffset(offset, slideMillis));
    }
}
