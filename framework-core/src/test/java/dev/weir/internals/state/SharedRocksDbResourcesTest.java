package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedRocksDbResourcesTest {

    private static final ValueStateDescriptor<String> NAME = new ValueStateDescriptor<>("name", Serdes.String());

    @TempDir
    Path directory;

    @Test
    void twoTaskBackendsShareOneResourcesObjectAndKeepTheirStateApart() {
        KeyContext keys = new KeyContext();
        keys.setCurrentKey(1, "alice".getBytes(StandardCharsets.UTF_8));
        try (SharedRocksDbResources resources = SharedRocksDbResources.create(16L << 20)) {
            try (TaskStateBackend first = TaskStateBackend.open(directory.resolve("task-0"), resources, () -> 0L);
                    TaskStateBackend second = TaskStateBackend.open(directory.resolve("task-1"), resources, () -> 0L)) {
                ValueState<String> inFirst = first.getKeyedState("op", NAME, keys);
                ValueState<String> inSecond = second.getKeyedState("op", NAME, keys);
                inFirst.update("first");
                inSecond.update("second");
                first.commitStaged(1);
                second.commitStaged(1);

                assertThat(inFirst.value()).isEqualTo("first");
                assertThat(inSecond.value()).isEqualTo("second");
            }
        }
    }

    @Test
    void closingWhileABackendIsOpenIsRefused() {
        SharedRocksDbResources resources = SharedRocksDbResources.create(16L << 20);
        TaskStateBackend backend = TaskStateBackend.open(directory, resources, () -> 0L);

        assertThatThrownBy(resources::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 task state backend");

        backend.close();
        resources.close();
    }

    @Test
    void aClosedResourcesObjectOpensNoBackend() {
        SharedRocksDbResources resources = SharedRocksDbResources.create(16L << 20);
        resources.close();

        assertThatThrownBy(() -> TaskStateBackend.open(directory, resources, () -> 0L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theMemoryBudgetMustBePositive() {
        assertThatThrownBy(() -> SharedRocksDbResources.create(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory budget");
    }
}
