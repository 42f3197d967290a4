package dev.weir.windowing;

import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Fires a window each time it has received another {@code count} elements.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class CountTrigger<T, W extends Window> extends Trigger<T, W> {

    private final long count;
    private final ReducingStateDescriptor<Long> counted =
            new ReducingStateDescriptor<>("__count-trigger", Long::sum, Serdes.Long());

    private CountTrigger(long count) {
        this.count = count;
    }

    /** A trigger that fires every {@code count} elements. */
    public static <T, W extends Window> CountTrigger<T, W> of(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a count trigger needs a positive count, was " + count);
        }
        return new CountTrigger<>(count);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext context) {
        ReducingState<Long> state = context.getPartitionedState(counted);
        state.add(1L);
        if (state.get() >= count) {
            state.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext context) {
        context.mergePartitionedState(counted);
    }

    @Override
    public void clear(W window, TriggerContext context) {
        context.getPartitionedState(counted).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + count + ")";
    }
}
