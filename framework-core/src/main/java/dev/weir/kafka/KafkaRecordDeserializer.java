package dev.weir.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a consumed record into a stream element. An exception marks the record as poison: it
 * goes to the dead-letter topic (or fails or is skipped, per {@code weir.errors.policy}).
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface KafkaRecordDeserializer<T> {

    /** The element for {@code record}; {@code null} drops the record. */
    T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;
}
