package dev.weir.benchmarks.kstreams;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A list of epoch-millisecond timestamps as 8 bytes each, for a state store value. */
final class TimestampsSerde implements Serde<long[]> {

    @Override
    public Serializer<long[]> serializer() {
        return (topic, timestamps) -> {
            if (timestamps == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(timestamps.length * Long.BYTES);
            for (long timestamp : timestamps) {
                buffer.putLong(timestamp);
            }
            return buffer.array();
        };
    }

    @Override
    public Deserializer<long[]> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long[] timestamps = new long[bytes.length / Long.BYTES];
            for (int i = 0; i < timestamps.length; i++) {
                timestamps[i] = buffer.getLong();
            }
            return timestamps;
        };
    }
}
