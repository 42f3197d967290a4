package dev.weir.windowing;

import java.util.Collection;
import java.util.List;

/**
 * Puts every element of a key into the {@link GlobalWindow}. Its default trigger never fires:
 * set one, such as {@link CountTrigger}.
 *
 * @param <T> the element type
 */
public final class GlobalWindows<T> extends WindowAssigner<T, GlobalWindow> {

    private GlobalWindows() {
    }

    /** The global-window assigner. */
    public static <T> GlobalWindows<T> create() {
        return new GlobalWindows<>();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<T, GlobalWindow> defaultTrigger() {
        return NeverTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows";
    }
}
