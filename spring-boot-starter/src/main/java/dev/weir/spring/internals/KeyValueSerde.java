package dev.weir.spring.internals;

import java.nio.ByteBuffer;

import dev.weir.kafka.KeyValue;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A record's key and value as one state entry, for windows that keep the elements of a stream
 * keyed by the record key: the key's length, the key, the value's length, the value; a length of
 * -1 stands for {@code null}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KeyValueSerde<K, V> implements Serde<KeyValue<K, V>> {

    private final Serde<K> keys;
    private final Serde<V> values;

    KeyValueSerde(Serde<K> keys, Serde<V> values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Serializer<KeyValue<K, V>> serializer() {
        return (topic, pair) -> {
            byte[] key = keys.serializer().serialize(topic, pair.key());
            byte[] value = values.serializer().serialize(topic, pair.value());
            ByteBuffer buffer = ByteBuffer.allocate(8 + length(key) + length(value));
            put(buffer, key);
            put(buffer, value);
            return buffer.array();
        };
    }

    @Override
    public Deserializer<KeyValue<K, V>> deserializer() {
        return (topic, bytes) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            K key = keys.deserializer().deserialize(topic, take(buffer));
            V value = values.deserializer().deserialize(topic, take(buffer));
            return KeyValue.of(key, value);
        };
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            buffer.put(bytes);
        }
    }

    private static byte[] take(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
