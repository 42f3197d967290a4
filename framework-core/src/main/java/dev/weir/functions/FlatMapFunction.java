package dev.weir.functions;

/**
 * Transforms one element into zero, one or more elements.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface FlatMapFunction<I, O> {

    /** Emits the elements that replace {@code value} into {@code out}. */
    void flatMap(I value, Collector<O> out) throws Exception;
}
