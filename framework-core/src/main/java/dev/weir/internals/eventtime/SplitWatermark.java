package dev.weir.internals.eventtime;

import java.util.function.BooleanSupplier;

/**
 * The watermark of one split of a task, and whether the split is idle. Its bookkeeping is
 * checkpointed with the split's offset, so that a restart resumes it where the commit left it.
 */
public interface SplitWatermark {

    /** The split's watermark; {@link Long#MIN_VALUE} until it has one. */
    long watermark();

    /** Whether the split is idle: it does not hold back its task's watermark. */
    boolean isIdle();

    /**
     * Re-evaluates idleness at processing time {@code now}.
     *
     * @param caughtUp whether the consumer has read everything the split holds; a split with
     *     records still to read is never idle
     * @return whether the split's idleness changed
     */
    boolean checkIdleness(long now, BooleanSupplier caughtUp);

    /** The bookkeeping to checkpoint, as text. */
    String snapshot();

    /** Resumes from a {@link #snapshot()}; an empty text resets to the initial state. */
    void restore(String snapshot);
}
