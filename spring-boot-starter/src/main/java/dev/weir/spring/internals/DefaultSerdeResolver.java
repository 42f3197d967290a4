package dev.weir.spring.internals;

import dev.weir.spring.boot.SerdeResolver;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka's serdes for the types Kafka knows (strings, numbers, booleans, byte arrays, UUIDs),
 * JSON with the application's {@link JsonMapper} for every other type.
 */
public final class DefaultSerdeResolver implements SerdeResolver {

    private final JsonMapper mapper;

    /** Resolves JSON serdes with {@code mapper}. */
    public DefaultSerdeResolver(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Serde<?> serdeFor(ResolvableType type) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            throw new IllegalArgumentException("cannot choose a serde for the unresolved type " + type);
        }
        try {
            return Serdes.serdeFrom(ClassUtils.resolvePrimitiveIfNecessary(raw));
        } catch (IllegalArgumentException notKafkasOwn) {
            return new JsonSerde<>(mapper, mapper.getTypeFactory().constructType(type.getType()));
        }
    }
}
