package dev.weir.internals.windowing;

import java.util.ArrayList;
import java.util.List;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.windowing.Window;

/** Window functions shared by the window operator tests: a counter and process functions that say which key and window a result is for. */
final class WindowTestFunctions {

    private WindowTestFunctions() {
    }

    /** A window's result with the key and window it belongs to. */
    record Result<V>(String key, Window window, V value) {
    }

    static <T> AggregateFunction<T, Long, Long> count() {
        return new AggregateFunction<>() {
            @Override
            public Long createAccumulator() {
                return 0L;
            }

            @Override
            public Long add(T value, Long accumulator) {
                return accumulator + 1;
            }

            @Override
            public Long getResult(Long accumulator) {
                return accumulator;
            }

            @Override
            public Long merge(Long a, Long b) {
                return a + b;
            }
        };
    }

    /** Emits each value it is handed (the one aggregated value) with the key and window. */
    static <V, W extends Window> ProcessWindowFunction<V, Result<V>, String, W> withKeyAndWindow() {
        return new ProcessWindowFunction<>() {
            @Override
            public void process(String key, Context<W> context, Iterable<V> elements, Collector<Result<V>> out) {
                for (V value : elements) {
                    out.collect(new Result<>(key, context.window(), value));
                }
            }
        };
    }

    /** Emits the window's elements, sorted, with the key and window. */
    static <W extends Window> ProcessWindowFunction<Long, Result<List<Long>>, String, W> sortedElements() {
        return new ProcessWindowFunction<>() {
            @Override
            public void process(String key, Context<W> context, Iterable<Long> elements, Collector<Result<List<Long>>> out) {
                List<Long> sorted = new ArrayList<>();
                elements.forEach(sorted::add);
                sorted.sort(null);
                out.collect(new Result<>(key, context.window(), List.copyOf(sorted)));
            }
        };
    }
}
