package dev.weir.internals.graph;

import java.util.List;

import dev.weir.kafka.KafkaSink;

/** Writes a stream to a Kafka topic. */
public final class SinkTransformation extends Transformation {

    private final KafkaSink<?> sink;

    public SinkTransformation(int id, Transformation input, KafkaSink<?> sink) {
        super(id, List.of(input));
        this.sink = sink;
    }

    public KafkaSink<?> sink() {
        return sink;
    }

    @Override
    protected String kind() {
        return "sink";
    }
}
