package dev.weir.pipeline;

import java.util.Objects;

import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.KeyedCoProcessTransformation;

/**
 * Two keyed streams with the same key, processed together by one two-input operator whose
 * checkpoints align both inputs.
 *
 * @param <T1> the first input's element type
 * @param <T2> the second input's element type
 * @param <K> the key type
 */
public final class ConnectedKeyedStreams<T1, T2, K> {

    private final PipelineBuilder builder;
    private final KeyByTransformation first;
    private final KeyByTransformation second;

    ConnectedKeyedStreams(PipelineBuilder builder, KeyByTransformation first, KeyByTransformation second) {
        this.builder = builder;
        this.first = first;
        this.second = second;
    }

    /** Applies a keyed co-process function; give the result a {@code uid}, since it holds state. */
    public <R> DataStream<R> process(KeyedCoProcessFunction<K, T1, T2, R> function) {
        Objects.requireNonNull(function, "function");
        return new DataStream<>(builder,
                builder.add(new KeyedCoProcessTransformation(builder.nextId(), first, second, function)));
    }
}
