package dev.weir.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.state.StateTtlConfig.StateVisibility;
import dev.weir.state.StateTtlConfig.UpdateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateTtlConfigTest {

    @Test
    void defaultsToRestartOnWriteAndNeverReturningExpiredValues() {
        StateTtlConfig config = StateTtlConfig.custom(Duration.ofSeconds(30)).build();

        assertThat(config.ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.updateType()).isEqualTo(UpdateType.ON_CREATE_AND_WRITE);
        assertThat(config.stateVisibility()).isEqualTo(StateVisibility.NEVER_RETURN_EXPIRED);
    }

    @Test
    void theBuilderSetsUpdateTypeAndVisibility() {
        StateTtlConfig config = StateTtlConfig.custom(Duration.ofSeconds(30))
                .updateType(UpdateType.ON_READ_AND_WRITE)
                .stateVisibility(StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP)
                .build();

        assertThat(config.updateType()).isEqualTo(UpdateType.ON_READ_AND_WRITE);
        assertThat(config.stateVisibility()).isEqualTo(StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP);
    }

    @Test
    void ttlsShorterThanOneMillisecondAreRejected() {
        assertThatThrownBy(() -> StateTtlConfig.custom(Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> StateTtlConfig.custom(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configsWithTheSameSettingsAreEqual() {
        StateTtlConfig a = StateTtlConfig.custom(Duration.ofMinutes(1)).updateType(UpdateType.ON_READ_AND_WRITE).build();
        StateTtlConfig b = StateTtlConfig.custom(Duration.ofSeconds(60)).updateType(UpdateType.ON_READ_AND_WRITE).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(StateTtlConfig.custom(Duration.ofMinutes(1)).build());
    }
}
