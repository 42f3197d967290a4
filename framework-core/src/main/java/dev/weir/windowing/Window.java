package dev.weir.windowing;

/**
 * A group of elements of one key that is evaluated together: a {@link TimeWindow} or the
 * {@link GlobalWindow}.
 */
public abstract sealed class Window permits TimeWindow, GlobalWindow {

    Window() {
    }

    /** The largest timestamp that still belongs to the window. */
    public abstract long maxTimestamp();
}
