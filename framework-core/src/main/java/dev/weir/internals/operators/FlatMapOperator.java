package dev.weir.internals.operators;

import dev.weir.functions.Collector;
import dev.weir.functions.FlatMapFunction;

/** Applies a flat-map function. */
public final class FlatMapOperator<I, O> implements Output<I> {

    private final String uid;
    private final FlatMapFunction<I, O> function;
    private final Collector<O> collector;

    public FlatMapOperator(String uid, FlatMapFunction<I, O> function, Output<O> next) {
        this.uid = uid;
        this.function = function;
        this.collector = next::push;
    }

    @Override
    public void push(I element) {
        try {
            function.flatMap(element, collector);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }
}
