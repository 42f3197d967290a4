package dev.weir.windowing;

import java.util.Collection;
import java.util.List;

/**
 * Sessions in event time or in processing time: an element opens the window
 * {@code [time, time + gap)}, and a key's windows that overlap or touch merge.
 *
 * @param <T> the element type
 */
abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private final long gap;
    private final boolean eventTime;

    SessionWindows(long gap, boolean eventTime) {
        this.gap = gap;
        this.eventTime = eventTime;
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        long time = eventTime ? timestamp : currentProcessingTime;
        return List.of(new TimeWindow(time, time + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindows.mergeSessions(windows, callback);
    }

    @Override
    public Trigger<T, TimeWindow> defaultTrigger() {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(gap " + gap + " ms)";
    }
}
