package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueStateTest {

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private ValueState<Long> balance;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        balance = fixture.state(new ValueStateDescriptor<>("balance", Serdes.Long()));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aKeyWithoutAValueReadsNull() {
        fixture.key("alice");

        assertThat(balance.value()).isNull();
    }

    @Test
    void updateIsReadBackForTheSameKeyOnly() {
        fixture.key("alice");
        balance.update(10L);
        fixture.key("bob");
        balance.update(20L);

        fixture.key("alice");
        assertThat(balance.value()).isEqualTo(10L);
        fixture.key("bob");
        assertThat(balance.value()).isEqualTo(20L);
    }

    @Test
    void updateReplacesThePreviousValue() {
        fixture.key("alice");
        balance.update(10L);
        balance.update(11L);

        assertThat(balance.value()).isEqualTo(11L);
    }

    @Test
    void updateWithNullClears() {
        fixture.key("alice");
        balance.update(10L);
        balance.update(null);

        assertThat(balance.value()).isNull();
    }

    @Test
    void clearRemovesACommittedValue() {
        fixture.key("alice");
        balance.update(10L);
        fixture.backend.commitStaged(1);

        balance.clear();

        assertThat(balance.value()).isNull();
    }

    @Test
    void namespacesSeparateValuesOfOneKey() {
        fixture.key("alice");
        fixture.keys.setNamespace(new byte[] {1});
        balance.update(1L);
        fixture.keys.setNamespace(new byte[] {2});
        balance.update(2L);

        fixture.keys.setNamespace(new byte[] {1});
        assertThat(balance.value()).isEqualTo(1L);
        fixture.keys.setNamespace(new byte[0]);
        assertThat(balance.value()).isNull();
    }

    @Test
    void accessWithoutACurrentKeyIsRefused() {
        assertThatThrownBy(() -> balance.value())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No current key");
    }
}
