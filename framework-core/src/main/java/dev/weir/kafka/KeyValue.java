package dev.weir.kafka;

/**
 * A Kafka record's key and value as one stream element.
 *
 * @param key the record key, possibly {@code null}
 * @param value the record value, possibly {@code null}
 * @param <K> the key type
 * @param <V> the value type
 */
public record KeyValue<K, V>(K key, V value) {

    /** Shorthand for {@code new KeyValue<>(key, value)}. */
    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }
}
