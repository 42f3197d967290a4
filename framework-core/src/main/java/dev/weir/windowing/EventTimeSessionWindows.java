package dev.weir.windowing;

import java.time.Duration;

/**
 * Event-time sessions: an element opens the window {@code [timestamp, timestamp + gap)}, and
 * windows of a key that overlap or touch merge. A session ends once the watermark passes its
 * last element plus the gap.
 *
 * @param <T> the element type
 */
public final class EventTimeSessionWindows<T> extends SessionWindows<T> {

    private EventTimeSessionWindows(long gap) {
        super(gap, true);
    }

    /** Sessions that end after {@code gap} without an element. */
    public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
        return new EventTimeSessionWindows<>(TimeWindows.positiveMillis(gap, "gap"));
    }
}
