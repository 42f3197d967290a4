package dev.weir.internals.operators;

import dev.weir.functions.MapFunction;

/** Applies a map function. */
public final class MapOperator<I, O> implements Output<I> {

    private final String uid;
    private final MapFunction<I, O> function;
    private final Output<O> next;

    public MapOperator(String uid, MapFunction<I, O> function, Output<O> next) {
        this.uid = uid;
        this.function = function;
        this.next = next;
    }

    @Override
    public void push(I element) {
        O result;
        try {
            result = function.map(element);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        next.push(result);
    }
}
