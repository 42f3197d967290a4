package dev.weir.internals.operators;

import dev.weir.internals.state.InternalTimerService;

/**
 * An operator's event time in its task: its event-time timers and its own watermark. The
 * watermark reaches the operators of a chain one after the other, upstream first, so that what
 * an upstream operator emits when the watermark fires its timers (a window's result) is not late
 * for the operators after it.
 */
public final class OperatorEventTime {

    private final InternalTimerService timers;
    private long watermark = Long.MIN_VALUE;

    OperatorEventTime(InternalTimerService timers) {
        this.timers = timers;
    }

    /** The operator's event-time timers. */
    public InternalTimerService timers() {
        return timers;
    }

    /** The operator's watermark; {@link Long#MIN_VALUE} until it has one. */
    public long watermark() {
        return watermark;
    }

    void setWatermark(long watermark) {
        this.watermark = watermark;
    }
}
