package dev.weir.functions;

import dev.weir.windowing.Window;

/**
 * Evaluates one window of one key: it sees the key, the window and the window's contents (every
 * element, or the one pre-aggregated value when combined with incremental aggregation).
 *
 * <p>One instance serves every key and task: keep no per-window data in fields. State obtained
 * from the {@link RuntimeContext} in {@link #open} is the key's, across all its windows (what
 * Flink calls the global state of a window function): a function may remember, say, which window
 * it last reported, so that overlapping sliding windows raise one alert, not several. Such state
 * is checkpointed, restored and queryable as any keyed state, and can be read and written only in
 * {@link #process}.
 *
 * @param <IN> the type of the window's contents
 * @param <OUT> the output type
 * @param <K> the key type
 * @param <W> the window type
 */
public abstract class ProcessWindowFunction<IN, OUT, K, W extends Window> {

    /** Called once before any window is evaluated, to obtain handles of the key's state. */
    public void open(RuntimeContext context) throws Exception {
    }

    /** Evaluates a window; what is emitted carries the window's largest timestamp as its time. */
    public abstract void process(K key, Context<W> context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called once when the runtime stops. */
    public void close() throws Exception {
    }

    /**
     * What the function sees of the window being evaluated.
     *
     * @param <W> the window type
     */
    public interface Context<W> {

        /** The window being evaluated. */
        W window();

        /** The wall clock, in epoch milliseconds. */
        long currentProcessingTime();

        /** The task's watermark. */
        long currentWatermark();
    }
}
