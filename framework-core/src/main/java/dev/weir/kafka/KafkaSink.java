package dev.weir.kafka;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka topic written by a stream. Under exactly-once, what a sink writes becomes visible to
 * {@code read_committed} readers with the checkpoint that covers it, atomically with the
 * consumed offsets and the state changes.
 *
 * @param <T> the element type
 */
public final class KafkaSink<T> {

    private final String topic;
    private final KafkaRecordSerializer<T> serializer;

    private KafkaSink(String topic, KafkaRecordSerializer<T> serializer) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a sink needs a topic name");
        }
        this.topic = topic;
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** A sink whose records the serializer makes from elements. */
    public static <T> KafkaSink<T> of(String topic, KafkaRecordSerializer<T> serializer) {
        return new KafkaSink<>(topic, serializer);
    }

    /** A sink of values without keys. */
    public static <V> KafkaSink<V> values(String topic, Serializer<V> valueSerializer) {
        Objects.requireNonNull(valueSerializer, "valueSerializer");
        return of(topic, new KafkaRecordSerializer<>() {
            @Override
            public byte[] serializeKey(String t, V element) {
                return null;
            }

            @Override
            public byte[] serializeValue(String t, V element) {
                return valueSerializer.serialize(t, element);
            }
        });
    }

    /** A sink of keys and values. */
    public static <K, V> KafkaSink<KeyValue<K, V>> keyValues(
            String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        Objects.requireNonNull(keySerializer, "keySerializer");
        Objects.requireNonNull(valueSerializer, "valueSerializer");
        return of(topic, new KafkaRecordSerializer<>() {
            @Override
            public byte[] serializeKey(String t, KeyValue<K, V> element) {
                return keySerializer.serialize(t, element.key());
            }

            @Override
            public byte[] serializeValue(String t, KeyValue<K, V> element) {
                return valueSerializer.serialize(t, element.value());
            }
        });
    }

    /** The topic written. */
    public String topic() {
        return topic;
    }

    /** The serializer of elements into records. */
    public KafkaRecordSerializer<T> serializer() {
        return serializer;
    }
}
