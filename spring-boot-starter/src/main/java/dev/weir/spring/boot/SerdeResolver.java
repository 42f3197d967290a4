package dev.weir.spring.boot;

import org.apache.kafka.common.serialization.Serde;
import org.springframework.core.ResolvableType;

/**
 * Finds the serde of a type that a {@link dev.weir.spring.annotation.WeirOperator} reads, writes
 * or keeps in {@link dev.weir.spring.annotation.WeirState} state. Define a bean of this type to
 * choose serdes yourself (Avro, say); the default uses Kafka's serdes for the types Kafka knows
 * and JSON for every other type.
 */
@FunctionalInterface
public interface SerdeResolver {

    /**
     * The serde of values of {@code type}.
     *
     * @throws IllegalArgumentException if this resolver has no serde for the type
     */
    Serde<?> serdeFor(ResolvableType type);
}
