package dev.weir.functions;

/**
 * Registers timers for the current key. Timers are kept in the task's state, checkpointed
 * with it and restored after a failure or a move to another instance; registering the same
 * time twice for a key yields one timer.
 *
 * <p>Processing-time timers fire once the wall clock reaches their time; event-time timers
 * fire once the task's watermark reaches it, in timestamp order, and a timer registered at or
 * below the current watermark fires as soon as the element that registered it completes.
 */
public interface TimerService {

    /** The current processing time in epoch milliseconds. */
    long currentProcessingTime();

    /**
     * The watermark of the task that owns the current key: event time up to and including it is
     * complete. {@link Long#MIN_VALUE} while the task has no watermark yet.
     */
    long currentWatermark();

    /** Makes {@code onTimer} fire for the current key once processing time reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** Removes the current key's processing-time timer at {@code time}, if there is one. */
    void deleteProcessingTimeTimer(long time);

    /** Makes {@code onTimer} fire for the current key once the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    /** Removes the current key's event-time timer at {@code time}, if there is one. */
    void deleteEventTimeTimer(long time);
}
