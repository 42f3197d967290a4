package dev.weir.spring.internals;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** JSON, through Jackson, for one (possibly generic) type; {@code null} stays {@code null}. */
final class JsonSerde<T> implements Serde<T> {

    private final JsonMapper mapper;
    private final JavaType type;

    JsonSerde(JsonMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (JacksonException e) {
                throw new SerializationException("cannot write " + type + " as JSON: " + e.getOriginalMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return mapper.readValue(data, type);
            } catch (JacksonException e) {
                throw new SerializationException("cannot read JSON as " + type + ": " + e.getOriginalMessage(), e);
            }
        };
    }

    @Override
    public String toString() {
        return "JSON serde of " + type;
    }
}
