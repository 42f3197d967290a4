package dev.weir.windowing;

/**
 * Another trigger whose every firing also drops the window's contents: each evaluation sees
 * only what arrived since the last.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {

    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = nested;
    }

    /** {@code nested}, purging whenever it fires. */
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nested) {
        if (nested == null) {
            throw new IllegalArgumentException("a purging trigger needs a trigger to wrap");
        }
        return new PurgingTrigger<>(nested);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext context) throws Exception {
        return purging(nested.onElement(element, timestamp, window, context));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext context) throws Exception {
        return purging(nested.onEventTime(time, window, context));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext context) throws Exception {
        return purging(nested.onProcessingTime(time, window, context));
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext context) throws Exception {
        nested.onMerge(window, context);
    }

    @Override
    public void clear(W window, TriggerContext context) throws Exception {
        nested.clear(window, context);
    }

    private static TriggerResult purging(TriggerResult result) {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
