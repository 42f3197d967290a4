package dev.weir.benchmarks.flink.workloads;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Counts a window's elements incrementally, so the window state is one number rather than the elements.
 *
 * @param <T> the element type
 */
final class CountAggregate<T> implements AggregateFunction<T, Long, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T value, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
