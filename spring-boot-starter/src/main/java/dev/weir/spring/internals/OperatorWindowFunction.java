package dev.weir.spring.internals;

import java.util.Iterator;
import java.util.function.Function;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.windowing.TimeWindow;

/**
 * Runs a {@link dev.weir.spring.annotation.WeirWindow} bean on fired windows: hands it the values
 * of the window's elements (or its one aggregated value), sets its {@code @WeirState} fields
 * before its own {@code open}, and passes the close through.
 *
 * @param <E> the type of the window's contents (the record's key and value, the value alone, or the aggregate)
 * @param <I> the type of the contents as the bean takes them
 * @param <O> the output type
 * @param <K> the key type
 */
final class OperatorWindowFunction<E, I, O, K> extends ProcessWindowFunction<E, O, K, TimeWindow> {

    private final ProcessWindowFunction<I, O, K, TimeWindow> operator;
    private final Function<E, I> valueOf;
    private final OperatorStates states;

    OperatorWindowFunction(ProcessWindowFunction<I, O, K, TimeWindow> operator, Function<E, I> valueOf,
                           OperatorStates states) {
        this.operator = operator;
        this.valueOf = valueOf;
        this.states = states;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        states.inject(context);
        operator.open(context);
    }

    @Override
    public void process(K key, Context<TimeWindow> context, Iterable<E> elements, Collector<O> out) throws Exception {
        operator.process(key, context, () -> values(elements.iterator()), out);
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }

    private Iterator<I> values(Iterator<E> elements) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return elements.hasNext();
            }

            @Override
            public I next() {
                return valueOf.apply(elements.next());
            }
        };
    }
}
