package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Back-to-back event-time windows of one size, aligned to the epoch (plus an offset): each
 * element belongs to exactly one.
 *
 * @param <T> the element type
 */
public final class TumblingEventTimeWindows<T> extends WindowAssigner<T, TimeWindow> {

    private final long size;
    private final long offset;

    private TumblingEventTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
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

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        long start = TimeWindow.windowStart(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
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
        return "TumblingEventTimeWindows(" + size + " ms)";
    }
}
