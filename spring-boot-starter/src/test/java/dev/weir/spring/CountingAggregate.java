package dev.weir.spring;

import dev.weir.functions.AggregateFunction;

/**
 * Counts a window's elements: for test beans that are their own aggregate function.
 *
 * @param <T> the element type
 */
public interface CountingAggregate<T> extends AggregateFunction<T, Long, Long> {

    @Override
    default Long createAccumulator() {
        return 0L;
    }

    @Override
    default Long add(T element, Long count) {
        return count + 1;
    }

    @Override
    default Long getResult(Long count) {
        return count;
    }

    @Override
    default Long merge(Long a, Long b) {
        return a + b;
    }
}
