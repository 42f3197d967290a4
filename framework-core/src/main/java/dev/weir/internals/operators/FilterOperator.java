package dev.weir.internals.operators;

import dev.weir.functions.FilterFunction;

/** Applies a filter function. */
public final class FilterOperator<T> implements Output<T> {

    private final String uid;
    private final FilterFunction<T> function;
    private final Output<T> next;

    public FilterOperator(String uid, FilterFunction<T> function, Output<T> next) {
        this.uid = uid;
        this.function = function;
        this.next = next;
    }

    @Override
    public void push(T element) {
        boolean keep;
        try {
            keep = function.filter(element);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        if (keep) {
            next.push(element);
        }
    }
}
