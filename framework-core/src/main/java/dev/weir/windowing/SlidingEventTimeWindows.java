package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;

/**
 * Event-time windows of one size that start every {@code slide}: an element belongs to
 * {@code size / slide} of them.
 *
 * @param <T> the element type
 */
public final class SlidingEventTimeWindows<T> extends WindowAssigner<T, TimeWindow> {

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
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

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return TimeWindows.sliding(timestamp, size, slide, offset);
    }

    @Override
    public Trigger<T, TimeWindow> defaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + " ms, every " + slide + " ms)";
    }
}
