package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListStateTest {

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private ListState<String> events;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        events = fixture.state(new ListStateDescriptor<>("events", Serdes.String()));
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEmptyListReadsAsAnEmptyIterableNotNull() {
        assertThat(events.get()).isNotNull().isEmpty();
    }

    @Test
    void addAppendsInOrder() {
        events.add("a");
        events.add("b");
        events.add("c");

        assertThat(events.get()).containsExactly("a", "b", "c");
    }

    @Test
    void addAppendsToACommittedList() {
        events.add("a");
        fixture.backend.commitStaged(1);

        events.add("b");

        assertThat(events.get()).containsExactly("a", "b");
    }

    @Test
    void addAllAppendsEveryValueAndIgnoresNullOrEmpty() {
        events.add("a");
        events.addAll(List.of("b", "c"));
        events.addAll(List.of());
        events.addAll(null);

        assertThat(events.get()).containsExactly("a", "b", "c");
    }

    @Test
    void updateReplacesTheList() {
        events.addAll(List.of("a", "b"));
        events.update(List.of("x"));

        assertThat(events.get()).containsExactly("x");
    }

    @Test
    void updateWithNullOrAnEmptyListClears() {
        events.add("a");
        events.update(List.of());
        assertThat(events.get()).isEmpty();

        events.add("b");
        events.update(null);
        assertThat(events.get()).isEmpty();
    }

    @Test
    void emptyStringsAreKeptAsElements() {
        events.addAll(List.of("", "x", ""));

        assertThat(events.get()).containsExactly("", "x", "");
    }

    @Test
    void clearEmptiesTheList() {
        events.add("a");
        events.clear();

        assertThat(events.get()).isEmpty();
    }

    @Test
    void nullElementsAreRejectedAndLeaveTheListUnchanged() {
        events.add("a");

        assertThatThrownBy(() -> events.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> events.addAll(Arrays.asList("b", null))).isInstanceOf(NullPointerException.class);
        assertThat(events.get()).containsExactly("a");
    }

    @Test
    void theReturnedIterableCannotChangeTheState() {
        events.add("a");

        assertThatThrownBy(() -> ((List<String>) events.get()).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
