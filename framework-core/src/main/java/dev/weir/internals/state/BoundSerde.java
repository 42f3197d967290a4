package dev.weir.internals.state;

import dev.weir.state.StateException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A user serde bound to one state: the state id is passed as the topic, so a serde that
 * depends on the topic (a schema-registry serde) can tell states apart.
 */
final class BoundSerde<T> {

    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;
    private final String stateId;

    BoundSerde(Serde<T> serde, String stateId) {
        this.serializer = serde.serializer();
        this.deserializer = serde.deserializer();
        this.stateId = stateId;
    }

    byte[] serialize(T value) {
        byte[] bytes = serializer.serialize(stateId, value);
        if (bytes == null) {
            // Stored null means "absent", so a serde may not encode a real value as null.
            throw new StateException("The serde of state '" + stateId + "' serialized a non-null value to null");
        }
        return bytes;
    }

    T deserialize(byte[] bytes) {
        return deserializer.deserialize(stateId, bytes);
    }
}
