package dev.weir.windowing;

import java.util.Collection;

/**
 * Decides which windows an element belongs to, and how those windows fire unless a trigger is
 * set on the windowed stream.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class WindowAssigner<T, W extends Window> {

    /** For subclasses. */
    protected WindowAssigner() {
    }

    /**
     * The windows {@code element} belongs to.
     *
     * @param timestamp the element's event time
     * @param currentProcessingTime the wall clock, for processing-time windows
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, long currentProcessingTime);

    /** The trigger used unless the windowed stream sets another. */
    public abstract Trigger<T, W> defaultTrigger();

    /**
     * Whether windows are in event time: they end when the watermark passes them, and elements
     * behind the watermark are late.
     */
    public abstract boolean isEventTime();
}
