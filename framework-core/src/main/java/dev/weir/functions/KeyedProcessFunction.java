package dev.weir.functions;

/**
 * The low-level keyed operator, as in Flink: it sees one element at a time together with its
 * key, reads and writes keyed state, and registers timers.
 *
 * <p>One instance serves every task of the operator on every worker thread of an instance:
 * keep per-key data in state obtained from the {@link RuntimeContext}, never in fields.
 *
 * @param <K> the key type
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class KeyedProcessFunction<K, I, O> {

    /** Called once before any element, to obtain state handles. */
    public void open(RuntimeContext context) throws Exception {
    }

    /** Processes one element of the current key. */
    public abstract void processElement(I value, Context<K> context, Collector<O> out) throws Exception;

    /** Called when a timer registered for the current key fires. */
    public void onTimer(long timestamp, OnTimerContext<K> context, Collector<O> out) throws Exception {
    }

    /** Called once when the runtime stops. */
    public void close() throws Exception {
    }

    /**
     * What a function sees of the element being processed.
     *
     * @param <K> the key type
     */
    public interface Context<K> {

        /** The key of the element being processed. */
        K getCurrentKey();

        /**
         * The event time of the element being processed, in epoch milliseconds: what the
         * source's timestamp assigner gave, or the Kafka record's timestamp. In {@code onTimer},
         * the timer's time. Records the function emits carry this timestamp.
         */
        long timestamp();

        /** Timers for the current key. */
        TimerService timerService();
    }

    /**
     * What a function sees when a timer fires.
     *
     * @param <K> the key type
     */
    public interface OnTimerContext<K> extends Context<K> {

        /** The clock of the timer that fired. */
        TimeDomain timeDomain();
    }
}
