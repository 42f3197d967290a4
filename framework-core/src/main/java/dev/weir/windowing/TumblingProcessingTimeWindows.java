package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Back-to-back windows of the wall clock of the instance that owns the key: an element
 * belongs to the window the clock is in when it arrives.
 *
 * @param <T> the element type
 */
public final class TumblingProcessingTimeWindows<T> extends WindowAssigner<T, TimeWindow> {

    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
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

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        long start = TimeWindow.windowStart(currentProcessingTime, offset, size);
        return List.of(new TimeWindow(start, start + size));
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
        return "TumblingProcessingTimeWindows(" + size + " ms)";
    }
}
