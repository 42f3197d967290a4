package dev.weir.functions;

/**
 * Registers timers for the current key. Timers are kept in the task's state, checkpointed
 * with it and restored after a failure or a move to another instance; registering the same
 * time twice for a key yields one timer.
 */
public interface TimerService {

    /** The current processing time in epoch milliseconds. */
    long currentProcessingTime();

    /** Makes {@code onTimer} fire for the current key once processing time reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** Removes the current key's processing-time timer at {@code time}, if there is one. */
    void deleteProcessingTimeTimer(long time);
}
