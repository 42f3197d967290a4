package dev.weir.kafka;

import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka topic read as a stream. Each partition is a source split; partition {@code p} of all
 * co-partitioned sources is processed by one task. Sources read committed data only.
 *
 * @param <T> the element type
 */
public final class KafkaSource<T> {

    private final String topic;
    private final KafkaRecordDeserializer<T> deserializer;
    private final String uid;

    private KafkaSource(String topic, KafkaRecordDeserializer<T> deserializer, String uid) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a source needs a topic name");
        }
        this.topic = topic;
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.uid = uid;
    }

    /** A source whose elements the deserializer makes from whole records. */
    public static <T> KafkaSource<T> of(String topic, KafkaRecordDeserializer<T> deserializer) {
        return new KafkaSource<>(topic, deserializer, "source-" + topic);
    }

    /** A source of record values; keys are ignored. */
    public static <V> KafkaSource<V> values(String topic, Deserializer<V> valueDeserializer) {
        Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        return of(topic, r -> valueDeserializer.deserialize(r.topic(), r.headers(), r.value()));
    }

    /** A source of record keys and values. */
    public static <K, V> KafkaSource<KeyValue<K, V>> keyValues(
            String topic, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        return of(topic, r -> new KeyValue<>(
                keyDeserializer.deserialize(r.topic(), r.headers(), r.key()),
                valueDeserializer.deserialize(r.topic(), r.headers(), r.value())));
    }

    /** This source with another uid; the uid names the source in dead-letter headers and metrics. */
    public KafkaSource<T> withUid(String newUid) {
        if (newUid == null || newUid.isBlank()) {
            throw new IllegalArgumentException("a source uid must not be blank");
        }
        return new KafkaSource<>(topic, deserializer, newUid);
    }

    /** The topic read. */
    public String topic() {
        return topic;
    }

    /** The deserializer of records into elements. */
    public KafkaRecordDeserializer<T> deserializer() {
        return deserializer;
    }

    /** The source's uid, {@code source-<topic>} unless set. */
    public String uid() {
        return uid;
    }
}
