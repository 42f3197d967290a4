package dev.weir.internals.windowing;

import java.nio.charset.StandardCharsets;

import dev.weir.internals.operators.SinkOperator;
import dev.weir.internals.operators.TaskContext;
import dev.weir.kafka.KafkaSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Where a window operator puts an element that arrived too late for every window it belongs
 * to. Late data is never dropped unless the pipeline says so.
 *
 * @param <T> the element type
 */
public interface LateElements<T> {

    /** Takes a late element with its event time and the watermark it was late for. */
    void late(T element, long timestamp, long watermark);

    /** Late elements are dropped: the user asked for it. */
    static <T> LateElements<T> dropped() {
        return (element, timestamp, watermark) -> { };
    }

    /**
     * Late elements are serialized to the user's side-output topic; each carries its own event
     * time, which is the task's current timestamp while it is handled.
     */
    static <T> LateElements<T> toSink(String operatorUid, KafkaSink<T> sink, TaskContext task) {
        SinkOperator<T> sinkOperator = new SinkOperator<>(operatorUid, sink.topic(), sink.serializer(), task);
        return (element, timestamp, watermark) -> sinkOperator.push(element);
    }

    /**
     * Late elements go to the application's late-data topic as the record they were read from,
     * with headers that say where it came from and why it is there.
     */
    static <T> LateElements<T> toLateDataTopic(String operatorUid, String topic, TaskContext task) {
        return (element, timestamp, watermark) -> {
            ConsumerRecord<byte[], byte[]> record = task.currentRecord();
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                headers.add(header);
            }
            add(headers, LateDataHeaders.SOURCE_TOPIC, record.topic());
            add(headers, LateDataHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
            add(headers, LateDataHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
            add(headers, LateDataHeaders.OPERATOR, operatorUid);
            add(headers, LateDataHeaders.TIMESTAMP, Long.toString(timestamp));
            add(headers, LateDataHeaders.WATERMARK, Long.toString(watermark));
            task.sink().send(topic, null, record.key(), record.value(), record.timestamp(), headers);
        };
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
