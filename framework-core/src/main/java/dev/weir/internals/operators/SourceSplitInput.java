package dev.weir.internals.operators;

import dev.weir.kafka.KafkaRecordDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Deserializes records of an external source topic into elements. */
public final class SourceSplitInput<T> implements SplitInput {

    private final String uid;
    private final KafkaRecordDeserializer<T> deserializer;
    private final Output<T> next;

    public SourceSplitInput(String uid, KafkaRecordDeserializer<T> deserializer, Output<T> next) {
        this.uid = uid;
        this.deserializer = deserializer;
        this.next = next;
    }

    @Override
    public void process(ConsumerRecord<byte[], byte[]> record) {
        T element;
        try {
            element = deserializer.deserialize(record);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        if (element != null) {
            next.push(element);
        }
    }
}
