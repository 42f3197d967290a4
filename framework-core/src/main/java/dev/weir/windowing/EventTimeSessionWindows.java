package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time sessions: an element opens the window {@code [timestamp, timestamp + gap)}, and
 * windows of a key that overlap or touch merge. A session ends once the watermark passes its
 * last element plus the gap.
 *
 * @param <T> the element type
 */
public final class EventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private final long gap;

    private EventTimeSessionWindows(long gap) {
        this.gap = gap;
    }

    /** Sessions that end after {@code gap} without an element. */
    public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
        return new EventTimeSessionWindows<>(TimeWindows.positiveMillis(gap, "gap"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return List.of(new TimeWindow(timestamp, timestamp + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindows.mergeSessions(windows, callback);
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
        return "EventTimeSessionWindows(gap " + gap + " ms)";
    }
}
