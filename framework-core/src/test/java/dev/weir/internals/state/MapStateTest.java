package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapStateTest {

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private MapState<String, Integer> counts;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        counts = fixture.state(new MapStateDescriptor<>("counts", Serdes.String(), Serdes.Integer()));
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void putGetContainsAndRemove() {
        counts.put("x", 1);

        assertThat(counts.get("x")).isEqualTo(1);
        assertThat(counts.contains("x")).isTrue();
        assertThat(counts.get("y")).isNull();
        assertThat(counts.contains("y")).isFalse();

        counts.remove("x");
        assertThat(counts.get("x")).isNull();
        assertThat(counts.contains("x")).isFalse();
    }

    @Test
    void putAllPutsEveryEntry() {
        counts.putAll(Map.of("a", 1, "b", 2));

        assertThat(counts.entries()).containsExactly(entry("a", 1), entry("b", 2));
    }

    @Test
    void iterationIsInSerializedUserKeyOrder() {
        counts.put("b", 2);
        counts.put("c", 3);
        counts.put("a", 1);

        assertThat(counts.keys()).containsExactly("a", "b", "c");
        assertThat(counts.values()).containsExactly(1, 2, 3);
    }

    @Test
    void iterationMergesCommittedAndStagedEntriesAndHonoursStagedDeletions() {
        counts.putAll(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
        fixture.backend.commitStaged(1);

        counts.remove("b");
        counts.put("c", 30);
        counts.put("e", 5);
        counts.put("aa", 11);

        assertThat(counts.entries())
                .containsExactly(entry("a", 1), entry("aa", 11), entry("c", 30), entry("d", 4), entry("e", 5));
    }

    @Test
    void mapsOfOtherKeysAndNamespacesAreNotIterated() {
        counts.put("mine", 1);
        fixture.key("alice2");
        counts.put("theirs", 2);
        fixture.key("alice");
        fixture.keys.setNamespace(new byte[] {1});
        counts.put("window", 3);
        fixture.keys.setNamespace(new byte[0]);

        assertThat(counts.keys()).containsExactly("mine");
    }

    @Test
    void iterationCoversMapsLargerThanOneScanChunk() {
        int size = PrefixScanIterator.CHUNK_SIZE * 3 + 7;
        IntStream.range(0, size).forEach(i -> counts.put(String.format("k%05d", i), i));
        fixture.backend.commitStaged(1);
        counts.remove("k00000");
        counts.remove(String.format("k%05d", PrefixScanIterator.CHUNK_SIZE));

        List<Integer> values = new ArrayList<>();
        counts.values().forEach(values::add);

        assertThat(values).hasSize(size - 2).doesNotContain(0, PrefixScanIterator.CHUNK_SIZE).isSorted();
    }

    @Test
    void writingWhileIteratingIsSafe() {
        IntStream.range(0, 300).forEach(i -> counts.put(String.format("k%03d", i), i));

        for (Map.Entry<String, Integer> entry : counts.entries()) {
            counts.put(entry.getKey(), entry.getValue() + 1000);
        }

        assertThat(counts.values()).allSatisfy(value -> assertThat(value).isGreaterThanOrEqualTo(1000));
    }

    @Test
    void iteratorRemoveStagesTheDeletionOfTheLastEntry() {
        counts.putAll(Map.of("a", 1, "b", 2, "c", 3));
        fixture.backend.commitStaged(1);

        Iterator<Map.Entry<String, Integer>> iterator = counts.entries().iterator();
        while (iterator.hasNext()) {
            if (iterator.next().getValue() % 2 == 1) {
                iterator.remove();
            }
        }

        assertThat(counts.entries()).containsExactly(entry("b", 2));
    }

    @Test
    void isEmptySeesStagedAndCommittedEntries() {
        assertThat(counts.isEmpty()).isTrue();
        counts.put("a", 1);
        assertThat(counts.isEmpty()).isFalse();
        fixture.backend.commitStaged(1);
        assertThat(counts.isEmpty()).isFalse();
        counts.remove("a");
        assertThat(counts.isEmpty()).isTrue();
    }

    @Test
    void clearRemovesEveryEntryOfTheCurrentKeyOnly() {
        counts.putAll(Map.of("a", 1, "b", 2));
        fixture.backend.commitStaged(1);
        counts.put("c", 3);
        fixture.key("bob");
        counts.put("z", 26);
        fixture.key("alice");

        counts.clear();

        assertThat(counts.isEmpty()).isTrue();
        fixture.key("bob");
        assertThat(counts.entries()).containsExactly(entry("z", 26));
    }

    @Test
    void entriesAreReadOnlySnapshots() {
        counts.put("a", 1);

        Map.Entry<String, Integer> first = counts.entries().iterator().next();

        assertThatThrownBy(() -> first.setValue(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        assertThatThrownBy(() -> counts.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> counts.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> counts.get(null)).isInstanceOf(NullPointerException.class);
    }
}
