package dev.weir.internals.operators;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.functions.TimeDomain;
import org.apache.kafka.common.serialization.Deserializer;

/** Runs a keyed co-process function in one task; its two inputs share the key's state and timers. */
public final class KeyedCoProcessOperator<K, I1, I2, O> implements TimerTarget {

    private final String uid;
    private final KeyedCoProcessFunction<K, I1, I2, O> function;
    private final KeyedOperatorContext<K> context;
    private final Collector<O> collector;

    public KeyedCoProcessOperator(String uid, KeyedCoProcessFunction<K, I1, I2, O> function,
                                  Deserializer<K> keyDeserializer, Output<O> next, TaskContext task) {
        this.uid = uid;
        this.function = function;
        this.context = new KeyedOperatorContext<>(uid, task, keyDeserializer);
        this.collector = next::push;
        context.bindTimers(task.processingTimers(uid, this), task.eventTime(uid, this));
    }

    /** The first input. */
    public KeyedInput<I1, K> first() {
        return (key, keyBytes, keyGroup, value) -> {
            context.enterElement(key, keyBytes, keyGroup);
            try {
                function.processElement1(value, context, collector);
            } catch (Exception e) {
                throw OperatorException.wrap(uid, e);
            }
        };
    }

    /** The second input. */
    public KeyedInput<I2, K> second() {
        return (key, keyBytes, keyGroup, value) -> {
            context.enterElement(key, keyBytes, keyGroup);
            try {
                function.processElement2(value, context, collector);
            } catch (Exception e) {
                throw OperatorException.wrap(uid, e);
            }
        };
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
