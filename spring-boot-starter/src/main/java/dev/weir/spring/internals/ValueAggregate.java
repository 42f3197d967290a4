package dev.weir.spring.internals;

import java.util.function.Function;

import dev.weir.functions.AggregateFunction;

/**
 * A {@link dev.weir.spring.annotation.WeirWindow} bean's aggregate function over the stream's
 * elements: it adds the value of each element.
 *
 * @param <E> the element type of the stream (the record's key and value, or the value alone)
 * @param <I> the input type of the bean's aggregate function
 * @param <A> the accumulator type
 * @param <R> the result type
 */
final class ValueAggregate<E, I, A, R> implements AggregateFunction<E, A, R> {

    private final AggregateFunction<I, A, R> aggregate;
    private final Function<E, I> valueOf;

    ValueAggregate(AggregateFunction<I, A, R> aggregate, Function<E, I> valueOf) {
        this.aggregate = aggregate;
        this.valueOf = valueOf;
    }

    @Override
    public A createAccumulator() {
        return aggregate.createAccumulator();
    }

    @Override
    public A add(E element, A accumulator) {
        return aggregate.add(valueOf.apply(element), accumulator);
    }

    @Override
    public R getResult(A accumulator) {
        return aggregate.getResult(accumulator);
    }

    @Override
    public A merge(A a, A b) {
        return aggregate.merge(a, b);
    }
}
