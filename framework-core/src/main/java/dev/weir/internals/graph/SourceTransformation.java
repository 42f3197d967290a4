package dev.weir.internals.graph;

import java.util.List;

import dev.weir.kafka.KafkaSource;

/** Reads a Kafka topic. */
public final class SourceTransformation extends Transformation {

    private final KafkaSource<?> source;

    public SourceTransformation(int id, KafkaSource<?> source) {
        super(id, List.of());
        this.source = source;
        setUid(source.uid());
    }

    public KafkaSource<?> source() {
        return source;
    }

    @Override
    protected String kind() {
        return "source";
    }
}
