package dev.weir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WeirPropertiesErrorTest {

    private static WeirConfig fromProperties(String... keyValues) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("weir.application-id", "app", "weir.bootstrap-servers", "k:9092"));
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return WeirConfig.fromProperties(p);
    }

    @Test
    void aSizeTooLargeForALongFailsNamingItsKey() {
        WeirConfigException e = catchThrowableOfType(WeirConfigException.class,
                () -> fromProperties("weir.state.memory", "99999999999999999999MB"));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("weir.state.memory");
    }

    @Test
    void anInvalidRestartSubPropertyFailsNamingThatProperty() {
        WeirConfigException e = catchThrowableOfType(WeirConfigException.class, () -> fromProperties(
                "weir.restart.strategy", "failure-rate", "weir.restart.failure-rate.max-failures", "0"));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("weir.restart.failure-rate.max-failures");
    }

    @Test
    void aReplicationFactorOutsideTheShortRangeIsRejectedRatherThanWrapped() {
        WeirConfigException e = catchThrowableOfType(WeirConfigException.class,
                () -> fromProperties("weir.internal-topics.replication-factor", "65537"));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("weir.internal-topics.replication-factor");
    }
}
