package dev.weir.functions;

import dev.weir.windowing.Window;

/**
 * Evaluates one window of one key: it sees the key, the window and the window's contents (every
 * element, or the one pre-aggregated value when combined with incremental aggregation).
 *
 * <p>One instance serves every key and task: keep no per-window data in fields.
 *
 * @param <IN> the type of the window's contents
 * @param <OUT> the output type
 * @param <K> the key type
 * @param <W> the window type
 */
public abstract class ProcessWindowFunction<IN, OUT, K, W extends Window> {

    /** Evaluates a window; what is emitted carries the window's largest timestamp as its time. */
    public abstract void process(K key, Context<W> context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

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
