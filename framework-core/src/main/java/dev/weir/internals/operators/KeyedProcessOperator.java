package dev.weir.internals.operators;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.TimeDomain;
import org.apache.kafka.common.serialization.Deserializer;

/** Runs a keyed process function in one task. */
public final class KeyedProcessOperator<K, I, O> implements KeyedInput<I, K>, TimerTarget {

    private final String uid;
    private final KeyedProcessFunction<K, I, O> function;
    private final KeyedOperatorContext<K> context;
    private final Collector<O> collector;

    public KeyedProcessOperator(String uid, KeyedProcessFunction<K, I, O> function, Deserializer<K> keyDeserializer,
                                Output<O> next, TaskContext task) {
        this.uid = uid;
        this.function = function;
        this.context = new KeyedOperatorContext<>(uid, task, keyDeserializer);
        this.collector = next::push;
        context.bindTimers(task.processingTimers(uid, this), task.eventTime(uid, this));
    }

    @Override
    public void processKeyed(K key, byte[] keyBytes, int keyGroup, I value) {
        context.enterElement(key, keyBytes, keyGroup);
        try {
            function.processElement(value, context, collector);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }

    @Override
    public void onTimer(long timestamp, TimeDomain domain) {
        context.enterTimer(domain);
        try {
            function.onTimer(timestamp, context, collector);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }
}
