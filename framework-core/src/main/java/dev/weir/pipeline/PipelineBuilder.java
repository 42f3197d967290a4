package dev.weir.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.weir.eventtime.WatermarkStrategy;

import dev.weir.internals.graph.SourceTransformation;
import dev.weir.internals.graph.Transformation;
import dev.weir.kafka.KafkaSource;

/**
 * Builds a {@link Pipeline}: start from sources, transform, end in sinks.
 *
 * <pre>{@code
 * PipelineBuilder builder = new PipelineBuilder();
 * builder.source(KafkaSource.keyValues("orders", new StringDeserializer(), new StringDeserializer()))
 *        .reinterpretAsKeyed(KeyValue::key, Serdes.String())
 *        .process(new RunningTotal()).uid("running-total")
 *        .sinkTo(KafkaSink.keyValues("totals", new StringSerializer(), new LongSerializer()));
 * Pipeline pipeline = builder.build();
 * }</pre>
 */
public final class PipelineBuilder {

    private final List<Transformation> transformations = new ArrayList<>();

    /** Creates an empty builder. */
    public PipelineBuilder() {
    }

    /**
     * A stream of the records of a Kafka topic, without event time: its elements carry their
     * record's timestamp, and its watermark never advances.
     */
    public <T> DataStream<T> source(KafkaSource<T> source) {
        return new DataStream<>(this, add(new SourceTransformation(nextId(), Objects.requireNonNull(source, "source"),
                null)));
    }

    /**
     * A stream of the records of a Kafka topic, in event time: elements carry the timestamps the
     * strategy assigns, and each partition's watermark follows them.
     */
    public <T> DataStream<T> source(KafkaSource<T> source, WatermarkStrategy<T> watermarkStrategy) {
        return new DataStream<>(this, add(new SourceTransformation(nextId(), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(watermarkStrategy, "watermarkStrategy"))));
    }

    /** Validates the graph and freezes it into a pipeline. */
    public Pipeline build() {
        return new Pipeline(transformations);
    }

    int nextId() {
        return transformations.size() + 1;
    }

    <N extends Transformation> N add(N transformation) {
        transformations.add(transformation);
        return transformation;
    }
}
