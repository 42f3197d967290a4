package dev.weir.internals.joining;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A list as one value: each element as {@code length (4) ‖ bytes}, for the elements of one
 * timestamp in a join buffer.
 *
 * @param <T> the element type
 */
final class ListSerde<T> implements Serde<List<T>> {

    private final Serde<T> elementSerde;

    ListSerde(Serde<T> elementSerde) {
        this.elementSerde = elementSerde;
    }

    @Override
    public Serializer<List<T>> serializer() {
        return (topic, list) -> {
            List<byte[]> elements = new ArrayList<>(list.size());
            int size = 0;
            for (T element : list) {
                byte[] bytes = elementSerde.serializer().serialize(topic, element);
                elements.add(bytes);
                size += Integer.BYTES + bytes.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            elements.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
            return buffer.array();
        };
    }

    @Override
    public Deserializer<List<T>> deserializer() {
        return (topic, data) -> {
            List<T> list = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                byte[] bytes = new byte[buffer.getInt()];
                buffer.get(bytes);
                list.add(elementSerde.deserializer().deserialize(topic, bytes));
            }
            return list;
        };
    }
}
