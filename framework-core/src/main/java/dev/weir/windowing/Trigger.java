package dev.weir.windowing;

import dev.weir.state.ListStateDescriptor;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;

/**
 * Decides when a window is evaluated and when its contents are dropped. It is asked on every
 * element added to a window and on every timer it registered; whatever it needs to remember
 * goes into state scoped to the key and window, obtained from the context.
 *
 * <p>A trigger instance is shared by every key and task: keep no per-window data in fields.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class Trigger<T, W extends Window> {

    /** For subclasses. */
    protected Trigger() {
    }

    /** An element was added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext context) throws Exception;

    /** An event-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext context) throws Exception;

    /** A processing-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext context) throws Exception;

    /** Whether the trigger supports merging windows; sessions need it. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Windows were merged into {@code window}: merge their trigger state and register the timers
     * the merged window needs.
     */
    public void onMerge(W window, OnMergeContext context) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /** {@code window} is discarded: delete its timers and state. */
    public abstract void clear(W window, TriggerContext context) throws Exception;

    /** What a trigger can do for the current key and window. */
    public interface TriggerContext {

        /** The wall clock, in epoch milliseconds. */
        long currentProcessingTime();

        /** The task's watermark. */
        long currentWatermark();

        /** Calls {@code onProcessingTime} once the wall clock reaches {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@code onEventTime} once the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        /** Deletes a processing-time timer of this window. */
        void deleteProcessingTimeTimer(long time);

        /** Deletes an event-time timer of this window. */
        void deleteEventTimeTimer(long time);

        /** A state scoped to the current key and window, checkpointed with the operator. */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {

        /** Folds the merged windows' entries of a reducing state into the merged window's. */
        <V> void mergePartitionedState(ReducingStateDescriptor<V> descriptor);

        /** Appends the merged windows' entries of a list state to the merged window's. */
        <V> void mergePartitionedState(ListStateDescriptor<V> descriptor);
    }
}
