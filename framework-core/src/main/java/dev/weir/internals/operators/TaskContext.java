package dev.weir.internals.operators;

import dev.weir.internals.state.InternalTimerService;
import dev.weir.internals.state.KeyContext;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the operators of one task share: its partition, its current key and time, its output. */
public interface TaskContext {

    /** The partition index of the task, equal to that of every split it reads. */
    int partition();

    /** The partition count of the task's source topics. */
    int partitionCount();

    /** {@code weir.key-groups}. */
    int keyGroups();

    /**
     * The event time of the element being processed (the Kafka timestamp of its record unless
     * its source assigns timestamps), or the time of the timer firing.
     */
    long currentTimestamp();

    /** Sets the event time of the element being processed, as its source's timestamp assigner gave it. */
    void assignTimestamp(long timestamp);

    /** The wall clock, in epoch milliseconds. */
    long currentProcessingTime();

    /** The consumed record being processed, or {@code null} while a timer fires. */
    ConsumerRecord<byte[], byte[]> currentRecord();

    /** The key being processed, shared with the state backend. */
    KeyContext keyContext();

    /** Where the task's output goes. */
    RecordSink sink();

    /** The processing-time timers of an operator in this task. */
    InternalTimerService processingTimers(String operatorUid, TimerTarget target);

    /**
     * A keyed state of an operator in this task, addressing the key context's current key and
     * namespace; for operators the engine provides, which declare their state themselves.
     */
    <S extends State> S keyedState(String operatorUid, StateDescriptor<S, ?> descriptor);

    /**
     * The event time of an operator in this task: its event-time timers, which fire as its
     * watermark passes them, and that watermark, which follows the task's, upstream operators first.
     */
    OperatorEventTime eventTime(String operatorUid, TimerTarget target);
}
