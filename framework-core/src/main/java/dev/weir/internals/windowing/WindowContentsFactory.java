package dev.weir.internals.windowing;

import java.util.Collections;
import java.util.List;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.ReduceFunction;
import dev.weir.internals.operators.TaskContext;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes a window operator's contents for one task: incremental when a reduce or aggregate
 * function folds elements as they arrive, buffered when the function needs every element or
 * when only the latest elements count (a sliding count window).
 *
 * @param <IN> the element type
 * @param <R> the type the window function sees
 */
@FunctionalInterface
public interface WindowContentsFactory<IN, R> {

    /** The contents of operator {@code operatorUid} in {@code task}. */
    WindowContents<IN, R> create(String operatorUid, TaskContext task);

    /** Folds elements into an accumulator as they arrive. */
    static <IN, ACC, R> WindowContentsFactory<IN, R> aggregating(AggregateFunction<IN, ACC, R> function,
                                                                 Serde<ACC> accumulatorSerde) {
        return (uid, task) -> new IncrementalContents<>(uid, function, accumulatorSerde, task);
    }

    /** Folds elements with a reduce function as they arrive. */
    static <T> WindowContentsFactory<T, T> reducing(ReduceFunction<T> function, Serde<T> serde) {
        return aggregating(new ReduceAggregate<>(function), serde);
    }

    /** Keeps the latest {@code capacity} elements (or all, with {@code Integer.MAX_VALUE}) and hands them over as they are. */
    static <T> WindowContentsFactory<T, T> buffering(Serde<T> serde, int capacity) {
        return (uid, task) -> new BufferedContents<T, T>(uid, serde, capacity, elements -> elements, task);
    }

    /** Keeps the latest {@code capacity} elements and folds them with {@code function} when the window fires. */
    static <T> WindowContentsFactory<T, T> bufferingThenReducing(Serde<T> serde, int capacity, ReduceFunction<T> function) {
        return bufferingThenAggregating(serde, capacity, new ReduceAggregate<>(function));
    }

    /** Keeps the latest {@code capacity} elements and folds them with {@code function} when the window fires. */
    static <IN, ACC, R> WindowContentsFactory<IN, R> bufferingThenAggregating(
            Serde<IN> serde, int capacity, AggregateFunction<IN, ACC, R> function) {
        return (uid, task) -> new BufferedContents<IN, R>(uid, serde, capacity, elements -> {
            ACC accumulator = function.createAccumulator();
            for (IN element : elements) {
                accumulator = function.add(element, accumulator);
            }
            return Collections.singletonList(function.getResult(accumulator));
        }, task);
    }

    /** A reduce function as an aggregate whose accumulator is the folded value, {@code null} while empty. */
    final class ReduceAggregate<T> implements AggregateFunction<T, T, T> {

        private final ReduceFunction<T> function;

        ReduceAggregate(ReduceFunction<T> function) {
            this.function = function;
        }

        @Override
        public T createAccumulator() {
            return null;
        }

        @Override
        public T add(T value, T accumulator) {
            return accumulator == null ? value : reduce(accumulator, value);
        }

        @Override
        public T getResult(T accumulator) {
            return accumulator;
        }

        @Override
        public T merge(T a, T b) {
            return reduce(a, b);
        }

        private T reduce(T a, T b) {
            try {
                return function.reduce(a, b);
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
    }
}
