package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.StateException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReducingStateTest {

    @TempDir
    Path directory;

    private BackendFixture fixture;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void getIsNullUntilAValueIsAdded() {
        ReducingState<Long> sum = fixture.state(new ReducingStateDescriptor<>("sum", Long::sum, Serdes.Long()));

        assertThat(sum.get()).isNull();
    }

    @Test
    void theFirstValueIsStoredAsIsAndLaterOnesAreFolded() {
        ReducingState<String> joined = fixture.state(
                new ReducingStateDescriptor<>("joined", (acc, value) -> acc + "," + value, Serdes.String()));

        joined.add("a");
        assertThat(joined.get()).isEqualTo("a");
        joined.add("b");
        joined.add("c");
        assertThat(joined.get()).isEqualTo("a,b,c");
    }

    @Test
    void foldingContinuesFromTheCommittedValue() {
        ReducingState<Long> sum = fixture.state(new ReducingStateDescriptor<>("sum", Long::sum, Serdes.Long()));
        sum.add(5L);
        fixture.backend.commitStaged(1);

        sum.add(7L);

        assertThat(sum.get()).isEqualTo(12L);
    }

    @Test
    void clearStartsTheFoldAfresh() {
        ReducingState<Long> sum = fixture.state(new ReducingStateDescriptor<>("sum", Long::sum, Serdes.Long()));
        sum.add(5L);
        sum.clear();
        sum.add(1L);

        assertThat(sum.get()).isEqualTo(1L);
    }

    @Test
    void aCheckedExceptionFromTheReduceFunctionIsWrappedAndChangesNothing() {
        ReducingState<Long> failing = fixture.state(new ReducingStateDescriptor<>("failing", (acc, value) -> {
            throw new IOException("boom");
        }, Serdes.Long()));
        failing.add(1L);

        assertThatThrownBy(() -> failing.add(2L))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("operator/failing")
                .hasCauseInstanceOf(IOException.class);
        assertThat(failing.get()).isEqualTo(1L);
    }

    @Test
    void aRuntimeExceptionFromTheReduceFunctionPropagatesUnchanged() {
        ReducingState<Long> failing = fixture.state(new ReducingStateDescriptor<>("failing", (acc, value) -> {
            throw new IllegalArgumentException("bad value");
        }, Serdes.Long()));
        failing.add(1L);

        assertThatThrownBy(() -> failing.add(2L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad value");
    }
}
