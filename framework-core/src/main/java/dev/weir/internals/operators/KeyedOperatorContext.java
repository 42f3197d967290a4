package dev.weir.internals.operators;

import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.TimeDomain;
import dev.weir.functions.TimerService;
import dev.weir.internals.state.InternalTimerService;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The context a keyed function sees, for elements and timers alike: the current key, the
 * element's timestamp and the operator's timers in this task.
 */
final class KeyedOperatorContext<K> implements KeyedProcessFunction.OnTimerContext<K>, TimerService {

    private static final byte[] NO_NAMESPACE = new byte[0];

    private final String uid;
    private final TaskContext task;
    private final Deserializer<K> keyDeserializer;
    private InternalTimerService timers;
    private OperatorEventTime eventTime;
    private K currentKey;
    private TimeDomain timeDomain;

    KeyedOperatorContext(String uid, TaskContext task, Deserializer<K> keyDeserializer) {
        this.uid = uid;
        this.task = task;
        this.keyDeserializer = keyDeserializer;
    }

    void bindTimers(InternalTimerService processingTimers, OperatorEventTime eventTime) {
        this.timers = processingTimers;
        this.eventTime = eventTime;
    }

    /**
     * Makes {@code key} current for an element, in the task's key context too, so state sees it;
     * the namespace is the default one, whatever an operator before set.
     */
    void enterElement(K key, byte[] keyBytes, int keyGroup) {
        task.keyContext().setCurrentKey(keyGroup, keyBytes);
        task.keyContext().setNamespace(NO_NAMESPACE);
        currentKey = key;
        timeDomain = null;
    }

    /** Makes the timer's key current; the timer service already set the task's key context. */
    void enterTimer(TimeDomain domain) {
        try {
            currentKey = keyDeserializer.deserialize(uid, task.keyContext().serializedKey());
        } catch (RuntimeException e) {
            throw OperatorException.wrap(uid, e);
        }
        timeDomain = domain;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public long timestamp() {
        return task.currentTimestamp();
    }

    @Override
    public TimerService timerService() {
        return this;
    }

    @Override
    public TimeDomain timeDomain() {
        return timeDomain;
    }

    @Override
    public long currentProcessingTime() {
        return task.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return eventTime.watermark();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        eventTime.timers().registerTimer(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        eventTime.timers().deleteTimer(time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerTimer(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteTimer(time);
    }
}
