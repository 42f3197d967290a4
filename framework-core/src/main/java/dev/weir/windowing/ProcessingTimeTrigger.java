package dev.weir.windowing;

/**
 * Fires a window once the wall clock passes its end.
 *
 * @param <T> the element type
 */
public final class ProcessingTimeTrigger<T> extends Trigger<T, TimeWindow> {

    private ProcessingTimeTrigger() {
    }

    /** The processing-time trigger. */
    public static <T> ProcessingTimeTrigger<T> create() {
        return new ProcessingTimeTrigger<>();
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, TimeWindow window, TriggerContext context) {
        context.registerProcessingTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext context) {
        return TriggerResult.FIRE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext context) {
        if (window.maxTimestamp() > context.currentProcessingTime()) {
            context.registerProcessingTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext context) {
        context.deleteProcessingTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger";
    }
}
