package dev.weir.internals.operators;

import org.apache.kafka.common.header.Headers;

/**
 * Receives the Kafka records the operators of a task write. Records of one input element are
 * held until the element has been processed without failure.
 */
public interface RecordSink {

    /** Sends a record; a {@code null} partition lets Kafka's default partitioner choose. */
    void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp);

    /** Sends a record with headers; a {@code null} partition lets Kafka's default partitioner choose. */
    void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, Headers headers);
}
