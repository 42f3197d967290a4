package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.StateTtlConfig;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStateBackendTest {

    private static final ValueStateDescriptor<String> NAME = new ValueStateDescriptor<>("name", Serdes.String());

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private ValueState<String> name;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        name = fixture.state(NAME);
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNewDatabaseHasNoCommittedOffset() {
        assertThat(fixture.backend.committedChangelogOffset()).isEmpty();
        assertThat(fixture.backend.hasStagedChanges()).isFalse();
    }

    @Test
    void writesAreReadBackBeforeTheyAreCommitted() {
        name.update("Alice");

        assertThat(name.value()).isEqualTo("Alice");
        assertThat(fixture.backend.hasStagedChanges()).isTrue();
    }

    @Test
    void stagedWritesDoNotSurviveAReopen() {
        name.update("Alice");

        fixture.reopen();

        assertThat(fixture.state(NAME).value()).isNull();
        assertThat(fixture.backend.committedChangelogOffset()).isEmpty();
    }

    @Test
    void committedValuesAndTheirOffsetSurviveAReopen() {
        name.update("Alice");
        fixture.key("bob");
        name.update("Bob");
        fixture.backend.commitStaged(42);
        name.clear();
        fixture.backend.commitStaged(43);

        fixture.reopen();
        ValueState<String> reopened = fixture.state(NAME);

        fixture.key("alice");
        assertThat(reopened.value()).isEqualTo("Alice");
        fixture.key("bob");
        assertThat(reopened.value()).isNull();
        assertThat(fixture.backend.committedChangelogOffset()).hasValue(43);
        assertThat(fixture.backend.hasStagedChanges()).isFalse();
    }

    @Test
    void commitEmptiesTheStage() {
        name.update("Alice");
        fixture.backend.commitStaged(1);

        assertThat(fixture.backend.hasStagedChanges()).isFalse();
        assertThat(fixture.backend.stagedChangeCount()).isZero();
        assertThat(name.value()).isEqualTo("Alice");
    }

    @Test
    void discardReturnsToTheCommittedValues() {
        name.update("Alice");
        fixture.backend.commitStaged(1);
        name.update("Mallory");
        fixture.key("bob");
        name.update("Bob");

        fixture.backend.discardStaged();

        assertThat(name.value()).isNull();
        fixture.key("alice");
        assertThat(name.value()).isEqualTo("Alice");
        assertThat(fixture.backend.hasStagedChanges()).isFalse();
        assertThat(fixture.backend.committedChangelogOffset()).hasValue(1);
    }

    @Test
    void stagedChangesAreDeduplicatedPerKey() {
        name.update("a");
        name.update("b");
        name.update("c");
        fixture.key("bob");
        name.update("x");
        name.clear();

        assertThat(fixture.backend.stagedChangeCount()).isEqualTo(2);
        List<String> changes = new ArrayList<>();
        fixture.backend.forEachStagedChange((stateId, dbKey, value) ->
                changes.add(stateId + "=" + (value == null ? "<deleted>" : new String(value))));
        assertThat(changes).containsExactlyInAnyOrder("operator/name=c", "operator/name=<deleted>");
    }

    @Test
    void stagedChangesCarryTheDbKeyOfTheCurrentKey() {
        name.update("Alice");
        List<byte[]> keys = new ArrayList<>();

        fixture.backend.forEachStagedChange((stateId, dbKey, value) -> keys.add(dbKey));

        assertThat(keys).singleElement().isEqualTo(
                StateKeyCodec.stateKey(fixture.keys.keyGroup(), fixture.keys.serializedKey(), new byte[0]));
    }

    @Test
    void undoRecordRestoresTheStageAsItWasAtBeginRecord() {
        MapState<String, Integer> counts = fixture.state(new MapStateDescriptor<>("counts", Serdes.String(), Serdes.Integer()));
        name.update("Alice");
        counts.put("kept", 1);
        fixture.backend.commitStaged(1);
        name.update("Alice v2");

        fixture.backend.beginRecord();
        name.update("Mallory");
        name.update("Mallory again");
        counts.remove("kept");
        counts.put("new", 2);
        fixture.key("bob");
        name.update("Bob");
        fixture.backend.undoRecord();

        assertThat(name.value()).isNull();
        fixture.key("alice");
        assertThat(name.value()).isEqualTo("Alice v2");
        assertThat(counts.entries()).containsExactly(entry("kept", 1));
        assertThat(fixture.backend.stagedChangeCount()).isEqualTo(1);
    }

    @Test
    void beginRecordForgetsWhatTheEarlierRecordWrote() {
        fixture.backend.beginRecord();
        name.update("first record");
        fixture.backend.beginRecord();
        name.update("second record");

        fixture.backend.undoRecord();

        assertThat(name.value()).isEqualTo("first record");
    }

    @Test
    void undoWithoutBeginRecordIsRefused() {
        fixture.backend.beginRecord();
        name.update("x");
        fixture.backend.commitStaged(1);

        assertThatThrownBy(() -> fixture.backend.undoRecord())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beginRecord");
    }

    @Test
    void askingTwiceForAStateGivesHandlesOnTheSameData() {
        ValueState<String> again = fixture.state(new ValueStateDescriptor<>("name", Serdes.String()));

        name.update("Alice");

        assertThat(again.value()).isEqualTo("Alice");
    }

    @Test
    void redeclaringAStateAsAnotherTypeIsRefused() {
        assertThatThrownBy(() -> fixture.state(new ListStateDescriptor<>("name", Serdes.String())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator/name");
    }

    @Test
    void redeclaringAStateWithAnotherTtlIsRefused() {
        ValueStateDescriptor<String> withTtl = new ValueStateDescriptor<>("name", Serdes.String());
        withTtl.enableTimeToLive(StateTtlConfig.custom(Duration.ofMinutes(1)).build());

        assertThatThrownBy(() -> fixture.state(withTtl)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enablingTtlOnADescriptorAlreadyInUseIsRefused() {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("late-ttl", Serdes.String());
        fixture.state(descriptor);
        descriptor.enableTimeToLive(StateTtlConfig.custom(Duration.ofMinutes(1)).build());

        assertThatThrownBy(() -> fixture.state(descriptor))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ValueStateDescriptor without TTL");
    }

    @Test
    void statesOfDifferentOperatorsAreSeparate() {
        ValueState<String> other = fixture.backend.getKeyedState("other-operator", NAME, fixture.keys);
        name.update("mine");

        assertThat(other.value()).isNull();
    }

    @Test
    void operatorUidsMustBeNonBlankWithoutSlash() {
        assertThatThrownBy(() -> fixture.backend.getKeyedState("a/b", NAME, fixture.keys))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator uid");
        assertThatThrownBy(() -> fixture.backend.getKeyedState(" ", NAME, fixture.keys))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restoringAFreshDatabaseFromTheStagedChangesOfAnotherReproducesIt(@TempDir Path replica) throws Exception {
        ListState<String> events = fixture.state(new ListStateDescriptor<>("events", Serdes.String()));
        MapState<String, Integer> counts = fixture.state(new MapStateDescriptor<>("counts", Serdes.String(), Serdes.Integer()));
        InternalTimerService timers = fixture.backend.timerService(BackendFixture.OPERATOR, "processing", fixture.keys);
        List<ChangelogEntry> changelog = new ArrayList<>();
        for (String key : List.of("alice", "bob", "carol")) {
            fixture.key(key);
            name.update(key.toUpperCase());
            events.addAll(List.of(key, "event"));
            counts.put(key, key.length());
            counts.put("gone", 0);
            timers.registerTimer(key.length() * 100L);
        }
        captureAndCommit(changelog, 10);
        fixture.key("bob");
        counts.remove("gone");
        name.clear();
        timers.deleteTimer(300L);
        captureAndCommit(changelog, 20);

        try (TaskStateBackend restored = TaskStateBackend.open(replica, fixture.resources, fixture.clock::get)) {
            for (ChangelogEntry entry : changelog) {
                restored.restore(entry.stateId(), entry.dbKey(), entry.value());
            }
            restored.finishRestoreBatch(20);

            assertThat(restored.committedChangelogOffset()).hasValue(20);
            KeyContext keys = new KeyContext();
            keys.setCurrentKey(fixture.keys.keyGroup(), fixture.keys.serializedKey());
            MapState<String, Integer> restoredCounts = restored.getKeyedState(
                    BackendFixture.OPERATOR, new MapStateDescriptor<>("counts", Serdes.String(), Serdes.Integer()), keys);
            assertThat(restoredCounts.entries()).containsExactly(entry("bob", 3));
            assertThat(restored.timerService(BackendFixture.OPERATOR, "processing", keys).nextTimerTime()).isEqualTo(500L);
        }
        fixture.backend.close();
        Map<String, Map<String, String>> original = RocksDbContents.read(directory);
        assertThat(RocksDbContents.read(replica)).isEqualTo(original);
        assertThat(original.get("operator/counts")).hasSize(5);
    }

    @Test
    void restoredEntriesAndTheirOffsetSurviveAReopen() {
        byte[] dbKey = StateKeyCodec.stateKey(fixture.keys.keyGroup(), fixture.keys.serializedKey(), new byte[0]);
        fixture.backend.restore("operator/name", dbKey, "Restored".getBytes());
        fixture.backend.finishRestoreBatch(7);

        fixture.reopen();

        assertThat(fixture.state(NAME).value()).isEqualTo("Restored");
        assertThat(fixture.backend.committedChangelogOffset()).hasValue(7);
    }

    @Test
    void aRestoredDeletionRemovesACommittedEntry() {
        name.update("Alice");
        fixture.backend.commitStaged(1);
        byte[] dbKey = StateKeyCodec.stateKey(fixture.keys.keyGroup(), fixture.keys.serializedKey(), new byte[0]);

        fixture.backend.restore("operator/name", dbKey, null);
        fixture.backend.finishRestoreBatch(2);

        assertThat(name.value()).isNull();
    }

    @Test
    void restoringOverStagedChangesIsRefused() {
        name.update("staged");

        assertThatThrownBy(() -> fixture.backend.restore("operator/name", new byte[] {0, 0}, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staged");
    }

    @Test
    void columnFamiliesCreatedByRestoreAreReopened() throws Exception {
        fixture.backend.restore("other/state", new byte[] {0, 1}, new byte[] {42});
        fixture.backend.finishRestoreBatch(1);

        fixture.reopen();
        fixture.backend.restore("other/state", new byte[] {0, 2}, new byte[] {43});
        fixture.backend.finishRestoreBatch(2);
        fixture.backend.close();

        assertThat(RocksDbContents.read(directory).get("other/state")).containsOnlyKeys("0001", "0002");
    }

    @Test
    void destroyWipesTheStateDirectory() {
        name.update("Alice");
        fixture.backend.commitStaged(1);
        fixture.backend.close();

        TaskStateBackend.destroy(directory);

        assertThat(Files.exists(directory)).isFalse();
        fixture.backend = TaskStateBackend.open(directory, fixture.resources, fixture.clock::get);
        assertThat(fixture.state(NAME).value()).isNull();
        assertThat(fixture.backend.committedChangelogOffset()).isEmpty();
    }

    @Test
    void aClosedBackendRefusesUseAndClosesOnlyOnce() {
        fixture.backend.close();
        fixture.backend.close();

        assertThatThrownBy(() -> fixture.backend.commitStaged(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private void captureAndCommit(List<ChangelogEntry> changelog, long offset) {
        fixture.backend.forEachStagedChange((stateId, dbKey, value) -> changelog.add(ChangelogRecordCodec.decode(
                ChangelogRecordCodec.encodeKey(stateId, dbKey), value)));
        fixture.backend.commitStaged(offset);
    }
}
