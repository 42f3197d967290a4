package dev.weir.pipeline;

import java.util.Objects;

import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ReduceFunction;
import dev.weir.functions.ValueJoiner;
import dev.weir.internals.functions.ReducingProcessFunction;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.KeyedProcessTransformation;
import dev.weir.internals.joining.TableJoinFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.windowing.CountTrigger;
import dev.weir.windowing.GlobalWindow;
import dev.weir.windowing.GlobalWindows;
import dev.weir.windowing.PurgingTrigger;
import dev.weir.windowing.Window;
import dev.weir.windowing.WindowAssigner;
import org.apache.kafka.common.serialization.Serde;

/**
 * A stream partitioned by key: each key's elements are processed by the task that owns the
 * key's group, in order, with that key's state.
 *
 * @param <T> the element type
 * @param <K> the key type
 */
public final class KeyedStream<T, K> {

    private final PipelineBuilder builder;
    private final KeyByTransformation keyBy;

    KeyedStream(PipelineBuilder builder, KeyByTransformation keyBy) {
        this.builder = builder;
        this.keyBy = keyBy;
    }

    /** Applies a keyed process function; give the result a {@code uid}, since it holds state. */
    public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
        Objects.requireNonNull(function, "function");
        return new DataStream<>(builder,
                builder.add(new KeyedProcessTransformation(builder.nextId(), keyBy, function)));
    }

    /**
     * Folds each key's elements with the function and emits the folded value after every
     * element; give the result a {@code uid}.
     *
     * @param function the associative fold
     * @param serde the serde of the folded value in state
     */
    public DataStream<T> reduce(ReduceFunction<T> function, Serde<T> serde) {
        return process(new ReducingProcessFunction<>(Objects.requireNonNull(function, "function"),
                Objects.requireNonNull(serde, "serde")));
    }

    /**
     * This stream cut into windows by {@code assigner}, fired by its default trigger unless
     * another is set.
     */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        Objects.requireNonNull(assigner, "assigner");
        return new WindowedStream<>(builder, keyBy, assigner, assigner.defaultTrigger(), Integer.MAX_VALUE, null);
    }

    /** Tumbling count windows: each key's window fires, and is emptied, every {@code size} elements. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return new WindowedStream<>(builder, keyBy, GlobalWindows.create(),
                PurgingTrigger.of(CountTrigger.of(size)), Integer.MAX_VALUE, null);
    }

    /**
     * Sliding count windows: every {@code slide} elements, a key's window fires over its latest
     * {@code size} elements, which it keeps in state.
     *
     * @param elementSerde the serde of the kept elements
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide, Serde<T> elementSerde) {
        if (size < 1 || size > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("a count window's size must be between 1 and " + (Integer.MAX_VALUE - 1)
                    + ", was " + size);
        }
        return new WindowedStream<>(builder, keyBy, GlobalWindows.create(), CountTrigger.of(slide), (int) size,
                Objects.requireNonNull(elementSerde, "elementSerde"));
    }

    /**
     * An interval join of this stream (left) with {@code other} (right), which must be
     * co-partitioned with it: set the bounds with {@code between}, then {@code process} the pairs.
     */
    public <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other) {
        requireSamePipeline(other);
        return new IntervalJoin<>(builder, keyBy, other.keyBy);
    }

    /**
     * Joins each element with its key's current value in {@code table}, a co-partitioned stream
     * of a compacted topic's records ({@code null} values delete); an element whose key has no
     * value is dropped. Give the result a {@code uid}: the table is held in keyed state.
     *
     * @param valueSerde the serde of table values in state
     */
    public <V, R> DataStream<R> joinTable(KeyedStream<KeyValue<K, V>, K> table, Serde<V> valueSerde,
                                          ValueJoiner<T, V, R> joiner) {
        return connect(table).process(new TableJoinFunction<>(Objects.requireNonNull(valueSerde, "valueSerde"),
                Objects.requireNonNull(joiner, "joiner"), false));
    }

    /**
     * As {@link #joinTable}, but an element whose key has no table value is joined with
     * {@code null} instead of being dropped.
     */
    public <V, R> DataStream<R> leftJoinTable(KeyedStream<KeyValue<K, V>, K> table, Serde<V> valueSerde,
                                              ValueJoiner<T, V, R> joiner) {
        return connect(table).process(new TableJoinFunction<>(Objects.requireNonNull(valueSerde, "valueSerde"),
                Objects.requireNonNull(joiner, "joiner"), true));
    }

    /**
     * This stream and another with the same key, for a two-input keyed operator. Both must be
     * co-partitioned: same partition count, same serialized key.
     */
    public <T2> ConnectedKeyedStreams<T, T2, K> connect(KeyedStream<T2, K> other) {
        requireSamePipeline(other);
        return new ConnectedKeyedStreams<>(builder, keyBy, other.keyBy);
    }

    private void requireSamePipeline(KeyedStream<?, K> other) {
        if (other.builder != builder) {
            throw new IllegalArgumentException("cannot combine streams of different pipelines");
        }
    }
}
