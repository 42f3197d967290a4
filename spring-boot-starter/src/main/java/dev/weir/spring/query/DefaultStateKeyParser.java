package dev.weir.spring.query;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.weir.runtime.QueryableOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.core.convert.ConversionService;

/**
 * Reads a key as the operator's key type: for a {@link dev.weir.spring.annotation.WeirOperator},
 * through the conversion service where it converts text to that type (numbers, enums, UUIDs);
 * for Kafka's own serdes, by parsing; for any other serde (JSON, say), by deserializing the
 * text's UTF-8 bytes, so that a JSON key is given as its JSON text.
 */
public final class DefaultStateKeyParser implements StateKeyParser {

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.of(
            Serdes.StringSerde.class, text -> text,
            Serdes.LongSerde.class, Long::valueOf,
            Serdes.IntegerSerde.class, Integer::valueOf,
            Serdes.ShortSerde.class, Short::valueOf,
            Serdes.DoubleSerde.class, Double::valueOf,
            Serdes.FloatSerde.class, Float::valueOf,
            Serdes.UUIDSerde.class, UUID::fromString,
            Serdes.BooleanSerde.class, Boolean::valueOf);

    private final Function<String, Optional<Class<?>>> keyTypes;
    private final ConversionService conversions;

    /**
     * @param keyTypes the key type of an operator, by uid, where it is known (annotated operators)
     * @param conversions converts text to key types
     */
    public DefaultStateKeyParser(Function<String, Optional<Class<?>>> keyTypes, ConversionService conversions) {
        this.keyTypes = keyTypes;
        this.conversions = conversions;
    }

    @Override
    public Object parse(String text, QueryableOperator operator) {
        Class<?> keyType = keyTypes.apply(operator.uid()).orElse(null);
        if (keyType != null && conversions.canConvert(String.class, keyType)) {
            return conversions.convert(text, keyType);
        }
        Serde<?> serde = operator.keySerde();
        Function<String, Object> parser = PARSERS.get(serde.getClass());
        if (parser != null) {
            return parser.apply(text);
        }
        return serde.deserializer().deserialize(operator.uid(), text.getBytes(StandardCharsets.UTF_8));
    }
}
