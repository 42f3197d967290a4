package dev.weir.windowing;

import java.util.Collection;

/**
 * An assigner whose windows grow into each other, such as sessions: after each element the
 * key's windows are merged, and so are their contents and trigger state.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    /** For subclasses. */
    protected MergingWindowAssigner() {
    }

    /** Groups {@code windows} into the windows they merge into, telling each group to {@code callback}. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /**
     * Receives one merge: a group of windows and the window that covers them.
     *
     * @param <W> the window type
     */
    @FunctionalInterface
    public interface MergeCallback<W> {

        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
