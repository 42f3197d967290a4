package dev.weir.internals.operators;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.internals.eventtime.SourceSplitWatermark;
import dev.weir.kafka.KafkaRecordDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Deserializes records of an external source topic into elements and, for an event-time
 * source, gives each element its timestamp and reports it to the split's watermark.
 */
public final class SourceSplitInput<T> implements SplitInput {

    private final String uid;
    private final KafkaRecordDeserializer<T> deserializer;
    private final WatermarkStrategy<T> watermarkStrategy;
    private final SourceSplitWatermark watermark;
    private final TaskContext task;
    private final Output<T> next;

    /**
     * @param watermarkStrategy the source's event time, or {@code null} for none
     * @param watermark the split's watermark; {@code null} without event time
     */
    public SourceSplitInput(String uid, KafkaRecordDeserializer<T> deserializer, WatermarkStrategy<T> watermarkStrategy,
                            SourceSplitWatermark watermark, TaskContext task, Output<T> next) {
        this.uid = uid;
        this.deserializer = deserializer;
        this.watermarkStrategy = watermarkStrategy;
        this.watermark = watermark;
        this.task = task;
        this.next = next;
    }

    @Override
    public void process(ConsumerRecord<byte[], byte[]> record) {
        T element;
        long timestamp = record.timestamp();
        try {
            element = deserializer.deserialize(record);
            if (element != null && watermarkStrategy != null) {
                timestamp = watermarkStrategy.timestampOf(element, record.timestamp());
            }
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        if (element == null) {
            return;
        }
        if (watermark != null) {
            task.assignTimestamp(timestamp);
            watermark.onTimestamp(timestamp);
        }
        next.push(element);
    }
}
