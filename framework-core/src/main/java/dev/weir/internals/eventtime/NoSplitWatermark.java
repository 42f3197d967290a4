package dev.weir.internals.eventtime;

import java.util.function.BooleanSupplier;

/**
 * The watermark of a split whose source has no event time: it never advances, so a task that
 * also reads event-time splits has no watermark either, as in Flink.
 */
public final class NoSplitWatermark implements SplitWatermark {

    @Override
    public long watermark() {
        return Long.MIN_VALUE;
    }

    @Override
    public boolean isIdle() {
        return false;
    }

    @Override
    public boolean checkIdleness(long now, BooleanSupplier caughtUp) {
        return false;
    }

    @Override
    public String snapshot() {
        return "";
    }

    @Override
    public void restore(String snapshot) {
        // nothing to resume
    }
}
