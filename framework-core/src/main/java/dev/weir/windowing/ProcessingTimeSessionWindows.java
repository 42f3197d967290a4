package dev.weir.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Sessions of the wall clock: a key's session ends after {@code gap} without an element.
 *
 * @param <T> the element type
 */
public final class ProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private final long gap;

    private ProcessingTimeSessionWindows(long gap) {
        this.gap = gap;
    }

    /** Sessions that end after {@code gap} without an element. */
    public static <T> ProcessingTimeSessionWindows<T> withGap(Duration gap) {
        return new ProcessingTimeSessionWindows<>(TimeWindows.positiveMillis(gap, "gap"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return List.of(new TimeWindow(currentProcessingTime, currentProcessingTime + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindows.mergeSessions(windows, callback);
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
        return "ProcessingTimeSessionWindows(gap " + gap + " ms)";
    }
}
