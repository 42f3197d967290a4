package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalTimerServiceTest {

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private InternalTimerService timers;
    private final List<String> fired = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        timers = timerService();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void withoutTimersTheNextTimerTimeIsMaxValue() {
        assertThat(timers.nextTimerTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(timers.fireTimersUpTo(Long.MAX_VALUE, this::record)).isZero();
    }

    @Test
    void timersFireInTimestampOrderAcrossKeysAndKeyGroups() {
        register("alice", 300);
        register("bob", 100);
        register("carol", 200);
        register("alice", 50);
        assertThat(keyGroupsOf("alice", "bob", "carol")).hasSize(3);

        assertThat(timers.nextTimerTime()).isEqualTo(50);
        assertThat(timers.fireTimersUpTo(1_000, this::record)).isEqualTo(4);

        assertThat(fired).containsExactly("alice@50", "bob@100", "carol@200", "alice@300");
    }

    @Test
    void timersAtTheExtremesOfTimeFire() {
        register("alice", Long.MAX_VALUE);
        register("bob", Long.MIN_VALUE);

        assertThat(timers.fireTimersUpTo(Long.MAX_VALUE, this::record)).isEqualTo(2);

        assertThat(fired).containsExactly("bob@" + Long.MIN_VALUE, "alice@" + Long.MAX_VALUE);
    }

    @Test
    void negativeTimestampsFireFirst() {
        register("alice", 0);
        register("bob", -5);

        timers.fireTimersUpTo(0, this::record);

        assertThat(fired).containsExactly("bob@-5", "alice@0");
    }

    @Test
    void registeringTheSameTimerTwiceKeepsOne() {
        register("alice", 100);
        register("alice", 100);

        assertThat(timers.fireTimersUpTo(100, this::record)).isEqualTo(1);
        assertThat(fixture.backend.stagedChangeCount()).isEqualTo(1);
    }

    @Test
    void timersOfDifferentNamespacesOfOneKeyAreDistinct() {
        fixture.key("alice");
        fixture.keys.setNamespace(new byte[] {1});
        timers.registerTimer(100);
        fixture.keys.setNamespace(new byte[] {2});
        timers.registerTimer(100);
        List<String> namespaces = new ArrayList<>();

        timers.fireTimersUpTo(100, timestamp -> namespaces.add(key() + "/" + fixture.keys.namespace()[0]));

        assertThat(namespaces).containsExactly("alice/1", "alice/2");
    }

    @Test
    void deletedTimersDoNotFire() {
        register("alice", 100);
        register("alice", 200);
        register("bob", 150);
        fixture.key("alice");
        timers.deleteTimer(100);
        timers.deleteTimer(999);

        assertThat(timers.nextTimerTime()).isEqualTo(150);
        timers.fireTimersUpTo(1_000, this::record);
        assertThat(fired).containsExactly("bob@150", "alice@200");
    }

    @Test
    void onlyTimersUpToTheGivenTimeFire() {
        register("alice", 100);
        register("bob", 200);
        register("carol", 201);

        assertThat(timers.fireTimersUpTo(200, this::record)).isEqualTo(2);

        assertThat(fired).containsExactly("alice@100", "bob@200");
        assertThat(timers.nextTimerTime()).isEqualTo(201);
    }

    @Test
    void theHandlerSeesTheTimersKeyAndCanUseKeyedState() {
        register("alice", 100);
        fixture.key("bob");
        List<String> keysSeen = new ArrayList<>();

        timers.fireTimersUpTo(100, timestamp -> keysSeen.add(key()));

        assertThat(keysSeen).containsExactly("alice");
        assertThat(fixture.keys.keyGroup()).isEqualTo(keyGroupsOf("alice").get(0));
    }

    @Test
    void timersRegisteredWhileFiringFireInTheSameCallIfDue() {
        register("alice", 100);

        timers.fireTimersUpTo(150, timestamp -> {
            record(timestamp);
            if (timestamp == 100) {
                timers.registerTimer(120);
                timers.registerTimer(200);
                fixture.key("bob");
                timers.registerTimer(110);
            }
        });

        assertThat(fired).containsExactly("alice@100", "bob@110", "alice@120");
        assertThat(timers.nextTimerTime()).isEqualTo(200);
    }

    @Test
    void firedTimersAreRemovedFromTheStage() {
        register("alice", 100);
        fixture.backend.commitStaged(1);

        timers.fireTimersUpTo(100, this::record);
        fixture.backend.commitStaged(2);
        fixture.reopen();

        assertThat(timerService().nextTimerTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void committedTimersSurviveAReopen() {
        register("alice", 300);
        register("bob", 100);
        register("carol", 200);
        fixture.backend.commitStaged(1);

        fixture.reopen();
        timers = timerService();

        assertThat(timers.nextTimerTime()).isEqualTo(100);
        timers.fireTimersUpTo(1_000, this::record);
        assertThat(fired).containsExactly("bob@100", "carol@200", "alice@300");
    }

    @Test
    void discardRestoresTheCommittedTimersAndNextTimerTime() {
        register("alice", 300);
        fixture.backend.commitStaged(1);
        assertThat(timers.nextTimerTime()).isEqualTo(300);
        register("bob", 100);
        fixture.key("alice");
        timers.deleteTimer(300);
        assertThat(timers.nextTimerTime()).isEqualTo(100);

        fixture.backend.discardStaged();

        assertThat(timers.nextTimerTime()).isEqualTo(300);
    }

    @Test
    void discardRestoresTimersThatFired() {
        register("alice", 100);
        fixture.backend.commitStaged(1);
        timers.fireTimersUpTo(100, this::record);
        assertThat(timers.nextTimerTime()).isEqualTo(Long.MAX_VALUE);

        fixture.backend.discardStaged();

        assertThat(timers.nextTimerTime()).isEqualTo(100);
    }

    @Test
    void undoRecordRemovesTimersTheRecordRegisteredAndRestoresThoseItDeleted() {
        register("alice", 300);
        register("carol", 250);
        assertThat(timers.nextTimerTime()).isEqualTo(250);

        fixture.backend.beginRecord();
        register("bob", 100);
        fixture.key("carol");
        timers.deleteTimer(250);
        assertThat(timers.nextTimerTime()).isEqualTo(100);
        fixture.backend.undoRecord();

        assertThat(timers.nextTimerTime()).isEqualTo(250);
        timers.fireTimersUpTo(1_000, this::record);
        assertThat(fired).containsExactly("carol@250", "alice@300");
    }

    @Test
    void registeringAStagedTimerAgainChangesNothingEvenWhenTheRepeatIsUndone() {
        register("alice", 300);
        int staged = fixture.backend.stagedChangeCount();

        fixture.backend.beginRecord();
        register("alice", 300);
        assertThat(fixture.backend.stagedChangeCount()).isEqualTo(staged);
        fixture.backend.undoRecord();

        timers.fireTimersUpTo(1_000, this::record);
        assertThat(fired).containsExactly("alice@300");
    }

    @Test
    void aTimerDeletedThenRegisteredAgainFires() {
        register("alice", 300);
        timers.deleteTimer(300);
        timers.registerTimer(300);

        timers.fireTimersUpTo(1_000, this::record);
        assertThat(fired).containsExactly("alice@300");
    }

    @Test
    void aTimerRegisteredBelowADeletedEarliestTimerOfItsGroupIsFound() {
        register("alice", 100);
        register("alice", 300);
        timers.deleteTimer(100);
        timers.registerTimer(50);

        assertThat(timers.nextTimerTime()).isEqualTo(50);
    }

    @Test
    void undoingARecordThatFiredATimerBringsItBackAsTheEarliest() {
        register("alice", 100);
        register("alice", 200);
        fixture.backend.beginRecord();
        timers.fireTimersUpTo(100, this::record);
        assertThat(timers.nextTimerTime()).isEqualTo(200);

        fixture.backend.undoRecord();

        assertThat(timers.nextTimerTime()).isEqualTo(100);
    }

    @Test
    void firingManyTimersOfOneKeyGroupStaysInOrder() {
        fixture.key("alice");
        for (long timestamp = 1_000; timestamp > 0; timestamp--) {
            timers.registerTimer(timestamp);
        }
        fixture.backend.commitStaged(1);
        List<Long> timestamps = new ArrayList<>();

        timers.fireTimersUpTo(Long.MAX_VALUE, timestamps::add);

        assertThat(timestamps).hasSize(1_000).isSorted();
    }

    @Test
    void aHandlerCanUndoItsOwnWritesWithoutResurrectingItsTimer() {
        register("alice", 100);

        timers.fireTimersUpTo(100, timestamp -> {
            fixture.backend.beginRecord();
            timers.registerTimer(50);
            fixture.backend.undoRecord();
        });

        assertThat(timers.nextTimerTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void timersAreKeptUnderTheirKeyGroupPrefix() {
        register("alice", 100);
        int keyGroup = fixture.keys.keyGroup();
        List<byte[]> keys = new ArrayList<>();

        fixture.backend.forEachStagedChange((stateId, dbKey, value) -> {
            assertThat(stateId).isEqualTo("operator/__timers/processing");
            keys.add(dbKey);
        });

        assertThat(keys).singleElement().satisfies(key -> assertThat(StateKeyCodec.keyGroupOf(key)).isEqualTo(keyGroup));
    }

    @Test
    void askingAgainReturnsTheSameServiceButNotForAnotherKeyContext() {
        assertThat(timerService()).isSameAs(timers);
        assertThatThrownBy(() -> fixture.backend.timerService(BackendFixture.OPERATOR, "processing", new KeyContext()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachDomainHasItsOwnTimers() {
        InternalTimerService event = fixture.backend.timerService(BackendFixture.OPERATOR, "event", fixture.keys);
        register("alice", 100);

        assertThat(event.nextTimerTime()).isEqualTo(Long.MAX_VALUE);
    }

    private InternalTimerService timerService() {
        return fixture.backend.timerService(BackendFixture.OPERATOR, "processing", fixture.keys);
    }

    private void register(String key, long timestamp) {
        fixture.key(key);
        timers.registerTimer(timestamp);
    }

    private void record(long timestamp) {
        fired.add(key() + "@" + timestamp);
    }

    private String key() {
        return new String(fixture.keys.serializedKey(), StandardCharsets.UTF_8);
    }

    private List<Integer> keyGroupsOf(String... keys) {
        List<Integer> groups = new ArrayList<>();
        for (String key : keys) {
            fixture.key(key);
            if (!groups.contains(fixture.keys.keyGroup())) {
                groups.add(fixture.keys.keyGroup());
            }
        }
        return groups;
    }
}
