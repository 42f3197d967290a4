package dev.weir.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.weir.functions.FilterFunction;
import dev.weir.functions.FlatMapFunction;
import dev.weir.functions.KeySelector;
import dev.weir.functions.MapFunction;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.SinkTransformation;
import dev.weir.internals.graph.StatelessTransformation;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.graph.UnionTransformation;
import dev.weir.kafka.KafkaSink;
import org.apache.kafka.common.serialization.Serde;

/**
 * A stream of elements. Operations on it are chained into the same task, without queues or
 * serialization, until a {@link #keyBy keyBy} on a new key ends the stage.
 *
 * @param <T> the element type
 */
public class DataStream<T> {

    final PipelineBuilder builder;
    final Transformation transformation;

    DataStream(PipelineBuilder builder, Transformation transformation) {
        this.builder = builder;
        this.transformation = transformation;
    }

    /** Names the operator that produces this stream; required for stateful operators. */
    public DataStream<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** Each element replaced by the function's result. */
    public <R> DataStream<R> map(MapFunction<T, R> function) {
        return stateless(StatelessTransformation.Kind.MAP, Objects.requireNonNull(function, "function"));
    }

    /** Only the elements the function accepts. */
    public DataStream<T> filter(FilterFunction<T> function) {
        return stateless(StatelessTransformation.Kind.FILTER, Objects.requireNonNull(function, "function"));
    }

    /** Each element replaced by the zero or more elements the function emits. */
    public <R> DataStream<R> flatMap(FlatMapFunction<T, R> function) {
        return stateless(StatelessTransformation.Kind.FLAT_MAP, Objects.requireNonNull(function, "function"));
    }

    /**
     * This stream partitioned by a new key: elements are written to an internal repartition
     * topic, keyed by {@code keySerde}'s bytes, and the next stage reads them from there.
     *
     * @param keySelector the key of an element
     * @param keySerde the serde of keys; its bytes decide the key group
     * @param elementSerde the serde of elements on the repartition topic
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, Serde<K> keySerde, Serde<T> elementSerde) {
        return keyed(keySelector, keySerde, Objects.requireNonNull(elementSerde, "elementSerde"), true);
    }

    /**
     * This stream, declared already partitioned by the key: no repartition. Use it when the
     * source topic's producer keyed records with the same serialized key (Kafka's default
     * partitioner); a record found in a partition its key does not belong to is rejected as
     * bad input.
     */
    public <K> KeyedStream<T, K> reinterpretAsKeyed(KeySelector<T, K> keySelector, Serde<K> keySerde) {
        return keyed(keySelector, keySerde, null, false);
    }

    /** The elements of this stream and of the others, in one stream. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.builder != builder) {
                throw new IllegalArgumentException("cannot union streams of different pipelines");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(builder, builder.add(new UnionTransformation(builder.nextId(), inputs)));
    }

    /** Writes the stream to a Kafka topic. */
    public void sinkTo(KafkaSink<T> sink) {
        builder.add(new SinkTransformation(builder.nextId(), transformation, Objects.requireNonNull(sink, "sink")));
    }

    private <R> DataStream<R> stateless(StatelessTransformation.Kind kind, Object function) {
        return new DataStream<>(builder,
                builder.add(new StatelessTransformation(builder.nextId(), transformation, kind, function)));
    }

    private <K> KeyedStream<T, K> keyed(KeySelector<T, K> keySelector, Serde<K> keySerde, Serde<T> elementSerde,
                                        boolean repartition) {
        Objects.requireNonNull(keySelector, "keySelector");
        Objects.requireNonNull(keySerde, "keySerde");
        KeyByTransformation keyBy = builder.add(new KeyByTransformation(
                builder.nextId(), transformation, keySelector, keySerde, elementSerde, repartition));
        return new KeyedStream<>(builder, keyBy);
    }
}
