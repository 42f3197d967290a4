package dev.weir.internals.operators;

import dev.weir.internals.state.InternalTimerService;
import dev.weir.internals.state.KeyContext;

/** What the operators of one task share: its partition, its current key and time, its output. */
public interface TaskContext {

    /** The partition index of the task, equal to that of every split it reads. */
    int partition();

    /** The partition count of the task's source topics. */
    int partitionCount();

    /** {@code weir.key-groups}. */
    int keyGroups();

    /** The Kafka timestamp of the record being processed, or the time of the timer firing. */
    long currentTimestamp();

    /** The wall clock, in epoch milliseconds. */
    long currentProcessingTime();

    /** The key being processed, shared with the state backend. */
    KeyContext keyContext();

    /** Where the task's output goes. */
    RecordSink sink();

    /** The processing-time timers of an operator in this task. */
    InternalTimerService processingTimers(String operatorUid, TimerTarget target);
}
