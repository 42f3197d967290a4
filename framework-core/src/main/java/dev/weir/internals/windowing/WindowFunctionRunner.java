package dev.weir.internals.windowing;

import java.util.List;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.windowing.Window;

/**
 * Evaluates a fired window: emits its pre-aggregated result as it is, or hands its contents to
 * the user's process window function, which the runtime opens and closes through this runner.
 *
 * @param <R> the type of the window's contents as the function sees them
 * @param <OUT> the output type
 * @param <K> the key type
 * @param <W> the window type
 */
@FunctionalInterface
public interface WindowFunctionRunner<R, OUT, K, W extends Window> {

    /** Evaluates {@code contents} of {@code key}'s window. */
    void run(K key, ProcessWindowFunction.Context<W> context, List<R> contents, Collector<OUT> out) throws Exception;

    /** Opens the user's function, if there is one, before any window is evaluated. */
    default void open(RuntimeContext context) throws Exception {
    }

    /** Closes the user's function, if there is one. */
    default void close() throws Exception {
    }

    /** Emits the contents as they are: the result of a reduce or an aggregate. */
    @SuppressWarnings("unchecked")
    static <R, OUT, K, W extends Window> WindowFunctionRunner<R, OUT, K, W> emitResult() {
        return (key, context, contents, out) -> contents.forEach(result -> out.collect((OUT) result));
    }

    /** Hands the contents to a process window function. */
    static <R, OUT, K, W extends Window> WindowFunctionRunner<R, OUT, K, W> process(
            ProcessWindowFunction<R, OUT, K, W> function) {
        return new WindowFunctionRunner<>() {
            @Override
            public void run(K key, ProcessWindowFunction.Context<W> context, List<R> contents, Collector<OUT> out)
                    throws Exception {
                function.process(key, context, contents, out);
            }

            @Override
            public void open(RuntimeContext context) throws Exception {
                function.open(context);
            }

            @Override
            public void close() throws Exception {
                function.close();
            }
        };
    }
}
