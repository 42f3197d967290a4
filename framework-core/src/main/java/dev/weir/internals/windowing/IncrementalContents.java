package dev.weir.internals.windowing;

import java.util.Collections;
import java.util.List;

import dev.weir.functions.AggregateFunction;
import dev.weir.internals.operators.TaskContext;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serde;

/**
 * A window's accumulator, folded with each element as it arrives: a window of any size costs
 * one stored value per key.
 *
 * @param <IN> the element type
 * @param <ACC> the accumulator type
 * @param <R> the result type
 */
final class IncrementalContents<IN, ACC, R> implements WindowContents<IN, R> {

    private final AggregateFunction<IN, ACC, R> function;
    private final ValueState<ACC> accumulator;
    private final TaskContext task;

    IncrementalContents(String operatorUid, AggregateFunction<IN, ACC, R> function, Serde<ACC> accumulatorSerde,
                        TaskContext task) {
        this.function = function;
        this.task = task;
        this.accumulator = task.keyedState(operatorUid, new ValueStateDescriptor<>("__window-contents", accumulatorSerde));
    }

    @Override
    public void add(IN element) {
        ACC current = accumulator.value();
        accumulator.update(function.add(element, current == null ? function.createAccumulator() : current));
    }

    @Override
    public List<R> get() {
        ACC current = accumulator.value();
        return current == null ? List.of() : Collections.singletonList(function.getResult(current));
    }

    @Override
    public void clear() {
        accumulator.clear();
    }

    @Override
    public void merge(byte[] target, List<byte[]> sources) {
        ACC merged = null;
        for (byte[] source : sources) {
            task.keyContext().setNamespace(source);
            ACC value = accumulator.value();
            if (value != null) {
                merged = merged == null ? value : function.merge(merged, value);
                accumulator.clear();
            }
        }
        task.keyContext().setNamespace(target);
        if (merged != null) {
            ACC current = accumulator.value();
            accumulator.update(current == null ? merged : function.merge(current, merged));
        }
    }
}
