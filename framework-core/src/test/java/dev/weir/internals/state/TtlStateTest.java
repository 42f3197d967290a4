package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.StateDescriptor;
import dev.weir.state.StateTtlConfig;
import dev.weir.state.StateTtlConfig.StateVisibility;
import dev.weir.state.StateTtlConfig.UpdateType;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
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

class TtlStateTest {

    private static final long TTL_MILLIS = 1_000;

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
    void aValueIsVisibleUntilItsTtlHasPassed() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        state.update("x");

        advance(TTL_MILLIS - 1);
        assertThat(state.value()).isEqualTo("x");
        advance(1);
        assertThat(state.value()).isNull();
    }

    @Test
    void writesRestartTheTtl() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        state.update("x");
        advance(TTL_MILLIS - 1);
        state.update("y");

        advance(TTL_MILLIS - 1);

        assertThat(state.value()).isEqualTo("y");
    }

    @Test
    void underOnCreateAndWriteReadsDoNotRestartTheTtl() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        state.update("x");
        advance(TTL_MILLIS / 2);
        assertThat(state.value()).isEqualTo("x");

        advance(TTL_MILLIS / 2);

        assertThat(state.value()).isNull();
    }

    @Test
    void underOnReadAndWriteReadsRestartTheTtl() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_READ_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        state.update("x");
        advance(TTL_MILLIS - 1);
        assertThat(state.value()).isEqualTo("x");

        advance(TTL_MILLIS - 1);

        assertThat(state.value()).isEqualTo("x");
    }

    @Test
    void readingAnExpiredValueStagesItsDeletion() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        state.update("x");
        fixture.backend.commitStaged(1);
        advance(TTL_MILLIS);

        assertThat(state.value()).isNull();

        assertThat(stagedValues()).containsExactly("<deleted>");
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsAnExpiredValueOnceThenItIsGone() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
        state.update("x");
        fixture.backend.commitStaged(1);
        advance(TTL_MILLIS);

        assertThat(state.value()).isEqualTo("x");
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsNothingOncePurged() {
        ValueState<String> state = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_READ_AND_WRITE, StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
        state.update("x");
        advance(TTL_MILLIS);

        assertThat(fixture.backend.purgeExpired(100)).isEqualTo(1);

        assertThat(state.value()).isNull();
    }

    @Test
    void addingToAnExpiredListStartsANewList() {
        ListState<String> list = fixture.state(ttl(new ListStateDescriptor<>("l", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
        list.add("old");
        advance(TTL_MILLIS);

        list.add("new");

        assertThat(list.get()).containsExactly("new");
    }

    @Test
    void foldingIntoAnExpiredValueStartsFromTheNewValue() {
        ReducingState<Long> sum = fixture.state(ttl(new ReducingStateDescriptor<>("sum", Long::sum, Serdes.Long()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        sum.add(5L);
        advance(TTL_MILLIS);

        sum.add(1L);

        assertThat(sum.get()).isEqualTo(1L);
    }

    @Test
    void mapEntriesExpireIndividually() {
        MapState<String, Integer> map = fixture.state(ttl(new MapStateDescriptor<>("m", Serdes.String(), Serdes.Integer()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        map.put("early", 1);
        advance(TTL_MILLIS / 2);
        map.put("late", 2);
        fixture.backend.commitStaged(1);

        advance(TTL_MILLIS / 2);

        assertThat(map.entries()).containsExactly(entry("late", 2));
        assertThat(map.contains("early")).isFalse();
        advance(TTL_MILLIS / 2);
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void iteratingUnderOnReadAndWriteRestartsTheTtlOfEveryEntryRead() {
        MapState<String, Integer> map = fixture.state(ttl(new MapStateDescriptor<>("m", Serdes.String(), Serdes.Integer()),
                UpdateType.ON_READ_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        map.putAll(Map.of("a", 1, "b", 2));
        advance(TTL_MILLIS - 1);
        assertThat(map.keys()).containsExactly("a", "b");

        advance(TTL_MILLIS - 1);

        assertThat(map.keys()).containsExactly("a", "b");
    }

    @Test
    void expiryTimesSurviveCommitAndReopen() {
        ValueStateDescriptor<String> descriptor = ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
        fixture.state(descriptor).update("x");
        fixture.backend.commitStaged(1);
        fixture.reopen();
        ValueState<String> reopened = fixture.state(descriptor);

        assertThat(reopened.value()).isEqualTo("x");
        advance(TTL_MILLIS);
        assertThat(reopened.value()).isNull();
    }

    @Test
    void purgeStagesTheDeletionOfExpiredEntriesOnlyAcrossAllTtlStates() {
        ValueState<String> value = fixture.state(ttl(new ValueStateDescriptor<>("v", Serdes.String()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        MapState<String, Integer> map = fixture.state(ttl(new MapStateDescriptor<>("m", Serdes.String(), Serdes.Integer()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        ValueState<String> eternal = fixture.state(new ValueStateDescriptor<>("eternal", Serdes.String()));
        value.update("old");
        map.putAll(Map.of("a", 1, "b", 2));
        eternal.update("forever");
        advance(TTL_MILLIS / 2);
        fixture.key("bob");
        value.update("fresh");
        fixture.backend.commitStaged(1);
        advance(TTL_MILLIS / 2);

        assertThat(fixture.backend.purgeExpired(1_000)).isEqualTo(3);
        fixture.backend.commitStaged(2);

        assertThat(value.value()).isEqualTo("fresh");
        fixture.key("alice");
        assertThat(eternal.value()).isEqualTo("forever");
        assertThat(fixture.backend.purgeExpired(1_000)).isZero();
    }

    @Test
    void purgeWorksIncrementallyFromWhereItStopped() {
        MapState<String, Integer> map = fixture.state(ttl(new MapStateDescriptor<>("m", Serdes.String(), Serdes.Integer()),
                UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED));
        for (int i = 0; i < 10; i++) {
            map.put("k" + i, i);
        }
        fixture.backend.commitStaged(1);
        advance(TTL_MILLIS);

        List<Integer> purgedPerCall = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            purgedPerCall.add(fixture.backend.purgeExpired(3));
        }

        assertThat(purgedPerCall).containsExactly(3, 3, 3, 1);
        assertThat(fixture.backend.stagedChangeCount()).isEqualTo(10);
    }

    @Test
    void purgeWithoutTtlStatesDoesNothing() {
        fixture.state(new ValueStateDescriptor<>("v", Serdes.String())).update("x");
        advance(Long.MAX_VALUE / 2);

        assertThat(fixture.backend.purgeExpired(100)).isZero();
    }

    private void advance(long millis) {
        fixture.clock.addAndGet(millis);
    }

    private List<String> stagedValues() {
        List<String> values = new ArrayList<>();
        fixture.backend.forEachStagedChange((stateId, dbKey, value) -> values.add(value == null ? "<deleted>" : "value"));
        return values;
    }

    private static <D extends StateDescriptor<?, ?>> D ttl(D descriptor, UpdateType updateType, StateVisibility visibility) {
        descriptor.enableTimeToLive(StateTtlConfig.custom(Duration.ofMillis(TTL_MILLIS))
                .updateType(updateType)
                .stateVisibility(visibility)
                .build());
        return descriptor;
    }
}
