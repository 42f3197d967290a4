package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;

/**
 * Windows of the wall clock of one size that start every {@code slide}.
 *
 * @param <T> the element type
 */
public final class SlidingProcessingTimeWindows<T> extends WindowAssigner<T, TimeWindow> {

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    /** Windows of {@code size} starting every {@code slide}. */
    public static <T> SlidingProcessingTimeWindows<T> of(Duration size, Duration slide) {
        long sizeMillis = TimeWindows.positiveMillis(size, "size");
        long slideMillis = TimeWindows.positiveMillis(slide, "slide");
        return new SlidingProcessingTimeWindows<>(sizeMillis, slideMillis, 0);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return TimeWindows.sliding(currentProcessingTime, size, slide, offset);
    }

    @Override
    public Trigger<T, TimeWindow> defaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + " ms, every " + slide + " ms)";
    }
}
