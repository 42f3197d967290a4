package dev.weir.internals.graph;

import java.util.List;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.kafka.KafkaSource;

/** Reads a Kafka topic, with event time if a watermark strategy was given. */
public final class SourceTransformation extends Transformation {

    private final KafkaSource<?> source;
    private final WatermarkStrategy<?> watermarkStrategy;

    /**
     * @param watermarkStrategy the source's event time, or {@code null} for none
     */
    public SourceTransformation(int id, KafkaSource<?> source, WatermarkStrategy<?> watermarkStrategy) {
        super(id, List.of());
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        setUid(source.uid());
    }

    /** The source's watermark strategy, or {@code null} if it has no event time. */
    public WatermarkStrategy<?> watermarkStrategy() {
        return watermarkStrategy;
    }

    public KafkaSource<?> source() {
        return source;
    }

    @Override
    protected String kind() {
        return "source";
    }
}
