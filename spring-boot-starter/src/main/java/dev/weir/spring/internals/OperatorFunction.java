package dev.weir.spring.internals;

import java.util.function.Function;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;

/**
 * Runs a {@link dev.weir.spring.annotation.WeirOperator} bean as a pipeline stage: hands it the
 * value of each element, sets its {@code @WeirState} fields before its own {@code open}, and
 * passes timers and the close through.
 *
 * @param <K> the key type
 * @param <E> the element type of the stream (the record's key and value, or the value alone)
 * @param <I> the input type of the bean
 * @param <O> the output type
 */
final class OperatorFunction<K, E, I, O> extends KeyedProcessFunction<K, E, O> {

    private final KeyedProcessFunction<K, I, O> operator;
    private final Function<E, I> valueOf;
    private final OperatorStates states;

    OperatorFunction(KeyedProcessFunction<K, I, O> operator, Function<E, I> valueOf, OperatorStates states) {
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
    public void processElement(E element, Context<K> context, Collector<O> out) throws Exception {
        operator.processElement(valueOf.apply(element), context, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<K> context, Collector<O> out) throws Exception {
        operator.onTimer(timestamp, context, out);
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }
}
