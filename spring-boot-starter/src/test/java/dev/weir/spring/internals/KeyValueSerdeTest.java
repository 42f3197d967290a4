package dev.weir.spring.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.kafka.KeyValue;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class KeyValueSerdeTest {

    private final KeyValueSerde<String, Long> serde = new KeyValueSerde<>(Serdes.String(), Serdes.Long());

    @Test
    void aKeyAndValueComeBackAsTheyWere() {
        assertThat(roundTrip(KeyValue.of("ann", 42L))).isEqualTo(KeyValue.of("ann", 42L));
        assertThat(roundTrip(KeyValue.of("", 0L))).isEqualTo(KeyValue.of("", 0L));
    }

    @Test
    void aNullKeyOrValueComesBackNull() {
        assertThat(roundTrip(KeyValue.of(null, 7L))).isEqualTo(KeyValue.of(null, 7L));
        assertThat(roundTrip(KeyValue.of("ann", null))).isEqualTo(KeyValue.of("ann", null));
    }

    private KeyValue<String, Long> roundTrip(KeyValue<String, Long> pair) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", pair));
    }
}
