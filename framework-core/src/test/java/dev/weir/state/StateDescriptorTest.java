package dev.weir.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StateDescriptorTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankNamesAreRejected(String name) {
        assertThatThrownBy(() -> new ValueStateDescriptor<>(name, Serdes.String()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void namesWithASlashAreRejectedBecauseTheSlashSeparatesOperatorAndState() {
        assertThatThrownBy(() -> new MapStateDescriptor<>("a/b", Serdes.String(), Serdes.Long()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/'")
                .hasMessageContaining("a/b");
    }

    @Test
    void serdesAndFunctionsAreRequired() {
        assertThatThrownBy(() -> new ListStateDescriptor<String>("l", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("elementSerde");
        assertThatThrownBy(() -> new ReducingStateDescriptor<>("r", null, Serdes.Long()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reduceFunction");
    }

    @Test
    void ttlIsAbsentUntilEnabled() {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", Serdes.String());
        assertThat(descriptor.ttlConfig()).isEmpty();

        StateTtlConfig ttl = StateTtlConfig.custom(Duration.ofMinutes(5)).build();
        descriptor.enableTimeToLive(ttl);

        assertThat(descriptor.ttlConfig()).contains(ttl);
    }

    @Test
    void descriptorsExposeWhatTheyWereBuiltWith() {
        MapStateDescriptor<String, Long> map = new MapStateDescriptor<>("m", Serdes.String(), Serdes.Long());

        assertThat(map.name()).isEqualTo("m");
        assertThat(map.keySerde()).isNotNull();
        assertThat(map.valueSerde()).isNotNull();
        assertThat(map).hasToString("MapStateDescriptor[m]");
    }
}
