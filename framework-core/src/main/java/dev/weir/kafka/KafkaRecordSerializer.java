package dev.weir.kafka;

/**
 * Turns a stream element into the key and value bytes of an output record. The output
 * partition is Kafka's default for the key bytes.
 *
 * @param <T> the element type
 */
public interface KafkaRecordSerializer<T> {

    /** The record key, or {@code null} for none. */
    byte[] serializeKey(String topic, T element);

    /** The record value, or {@code null} for a tombstone. */
    byte[] serializeValue(String topic, T element);
}
