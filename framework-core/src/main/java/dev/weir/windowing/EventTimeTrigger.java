package dev.weir.windowing;

/**
 * Fires a window once the watermark passes its end, and again for each element that arrives
 * within the allowed lateness after that.
 *
 * @param <T> the element type
 */
public final class EventTimeTrigger<T> extends Trigger<T, TimeWindow> {

    private EventTimeTrigger() {
    }

    /** The event-time trigger. */
    public static <T> EventTimeTrigger<T> create() {
        return new EventTimeTrigger<>();
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, TimeWindow window, TriggerContext context) {
        if (window.maxTimestamp() <= context.currentWatermark()) {
            return TriggerResult.FIRE;
        }
        context.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext context) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext context) {
        // A merged window that the watermark already passed gets no timer: its cleanup fires it.
        if (window.maxTimestamp() > context.currentWatermark()) {
            context.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext context) {
        context.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger";
    }
}
