package dev.weir.windowing;

import java.time.Duration;

/**
 * Sessions of the wall clock: a key's session ends after {@code gap} without an element.
 *
 * @param <T> the element type
 */
public final class ProcessingTimeSessionWindows<T> extends SessionWindows<T> {

    private ProcessingTimeSessionWindows(long gap) {
        super(gap, false);
    }

    /** Sessions that end after {@code gap} without an element. */
    public static <T> ProcessingTimeSessionWindows<T> withGap(Duration gap) {
        return new ProcessingTimeSessionWindows<>(TimeWindows.positiveMillis(gap, "gap"));
    }
}
