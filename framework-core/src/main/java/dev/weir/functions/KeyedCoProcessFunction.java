package dev.weir.functions;

/**
 * A keyed operator over two co-partitioned inputs with the same key type, sharing keyed state
 * and timers between them: a join, an enrichment, a rule stream against an event stream.
 *
 * <p>Checkpoints align the two inputs: the state the function leaves at a checkpoint reflects
 * both inputs up to the same checkpoint barrier.
 *
 * @param <K> the key type
 * @param <I1> the type of the first input
 * @param <I2> the type of the second input
 * @param <O> the output type
 */
public abstract class KeyedCoProcessFunction<K, I1, I2, O> {

    /** Called once before any element, to obtain state handles. */
    public void open(RuntimeContext context) throws Exception {
    }

    /** Processes one element of the first input. */
    public abstract void processElement1(I1 value, KeyedProcessFunction.Context<K> context, Collector<O> out)
            throws Exception;

    /** Processes one element of the second input. */
    public abstract void processElement2(I2 value, KeyedProcessFunction.Context<K> context, Collector<O> out)
            throws Exception;

    /** Called when a timer registered for the current key fires. */
    public void onTimer(long timestamp, KeyedProcessFunction.OnTimerContext<K> context, Collector<O> out)
            throws Exception {
    }

    /** Called once when the runtime stops. */
    public void close() throws Exception {
    }
}
