package dev.weir.windowing;

/**
 * A trigger that never fires: the default of {@link GlobalWindows}, whose window never ends.
 *
 * @param <T> the element type
 */
public final class NeverTrigger<T> extends Trigger<T, GlobalWindow> {

    private NeverTrigger() {
    }

    /** The trigger that never fires. */
    public static <T> NeverTrigger<T> create() {
        return new NeverTrigger<>();
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, GlobalWindow window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext context) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext context) {
        // it keeps nothing
    }
}
