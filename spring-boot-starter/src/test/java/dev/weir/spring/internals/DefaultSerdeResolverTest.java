package dev.weir.spring.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;

class DefaultSerdeResolverTest {

    private final DefaultSerdeResolver resolver = new DefaultSerdeResolver(JsonMapper.builder().build());

    record Payment(String account, double amount) {
    }

    @Test
    void typesKafkaKnowsGetKafkasSerdes() {
        assertThat(resolver.serdeFor(ResolvableType.forClass(String.class))).isInstanceOf(Serdes.StringSerde.class);
        assertThat(resolver.serdeFor(ResolvableType.forClass(long.class))).isInstanceOf(Serdes.LongSerde.class);
        assertThat(resolver.serdeFor(ResolvableType.forClass(UUID.class))).isInstanceOf(Serdes.UUIDSerde.class);
        assertThat(resolver.serdeFor(ResolvableType.forClass(byte[].class))).isInstanceOf(Serdes.ByteArraySerde.class);
    }

    @Test
    void otherTypesTravelAsJsonGenericsIncluded() {
        @SuppressWarnings("unchecked")
        Serde<List<Payment>> serde = (Serde<List<Payment>>) resolver.serdeFor(
                ResolvableType.forType(new ParameterizedTypeReference<List<Payment>>() { }));
        List<Payment> payments = List.of(new Payment("a-1", 2.5), new Payment("a-2", 7));

        byte[] bytes = serde.serializer().serialize("t", payments);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"account\":\"a-1\"");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(payments);
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void malformedJsonIsASerializationError() {
        Serde<?> serde = resolver.serdeFor(ResolvableType.forClass(Payment.class));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Payment");
    }
}
