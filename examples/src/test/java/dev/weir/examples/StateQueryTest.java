package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.KeyLocation;
import dev.weir.runtime.QueryableOperator;
import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.StateNotLocalException;
import dev.weir.runtime.TaskStatus;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on the real broker: state queries, key location, status and triggered checkpoints. */
class StateQueryTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    private static final int KEYS = 60;
    private static final int RECORDS = 6_000;
    private static final String OPERATOR = "running-count";

    @Test
    void eachKeyIsReadWhereItsTaskRunsAndLocatedFromTheOtherInstance(@TempDir Path dir) throws Exception {
        kafka.createTopic("sq-in", 6);
        kafka.createTopic("sq-out", 6);
        new KeyedInput(kafka.bootstrapServers(), "sq-in", i -> "k" + (i % KEYS), i -> "v" + i).produce(0, RECORDS);
        try (WeirRuntime a = runtime(dir.resolve("a"), "127.0.0.1:18081");
             WeirRuntime b = runtime(dir.resolve("b"), "127.0.0.1:18082")) {
            a.start();
            b.start();
            ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "sq-out", new StringDeserializer(), new LongDeserializer())
                    .awaitCommittedRecords(RECORDS, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (int k = 0; k < KEYS; k++) {
                    assertLocatedOnExactlyOneInstance("k" + k, a, b);
                }
            });

            for (int k = 0; k < KEYS; k++) {
                String key = "k" + k;
                WeirRuntime owner = a.locateKey(OPERATOR, key).local() ? a : b;
                WeirRuntime other = owner == a ? b : a;
                assertThat(owner.queryState(OPERATOR, "count", key).get(10, TimeUnit.SECONDS))
                        .as("count of %s", key).contains((long) RECORDS / KEYS);
                assertThatThrownBy(() -> other.queryState(OPERATOR, "count", key).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(StateNotLocalException.class)
                        .satisfies(e -> assertThat(((StateNotLocalException) e).location().endpoint())
                                .isEqualTo(owner.status().advertisedEndpoint()));
            }
        }
    }

    @Test
    void aKeyWithoutStateReadsAsEmptyAndMistakesNameWhatExists(@TempDir Path dir) throws Exception {
        kafka.createTopic("sq-empty-in", 2);
        kafka.createTopic("sq-empty-out", 2);
        try (WeirRuntime runtime = runtime(dir, "127.0.0.1:18083", "sq-empty-in", "sq-empty-out")) {
            runtime.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> runtime.activeTasks().size() == 2);

            assertThat(runtime.queryState(OPERATOR, "count", "never-seen").get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(runtime.queryableOperators()).extracting(QueryableOperator::uid, QueryableOperator::states)
                    .containsExactly(tuple(OPERATOR, Map.of("count", "value")));
            assertThatThrownBy(() -> runtime.queryState("no-such-operator", "count", "k"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[" + OPERATOR + "]");
            assertThatThrownBy(() -> runtime.queryState(OPERATOR, "total", "k"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[count]");
            assertThatThrownBy(() -> runtime.locateKey(OPERATOR, 42L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key type");
        }
    }

    @Test
    void statusShowsTasksOffsetsAndLagAndATriggeredCheckpointCompletes(@TempDir Path dir) throws Exception {
        kafka.createTopic("sq-status-in", 4);
        kafka.createTopic("sq-status-out", 4);
        new KeyedInput(kafka.bootstrapServers(), "sq-status-in", i -> "k" + (i % 10), i -> "v" + i).produce(0, 1_000);
        try (WeirRuntime runtime = runtime(dir, "127.0.0.1:18084", "sq-status-in", "sq-status-out")) {
            runtime.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                RuntimeStatus status = runtime.status();
                assertThat(status.tasks()).extracting(TaskStatus::id).containsExactlyInAnyOrder("0_0", "0_1", "0_2", "0_3");
                assertThat(status.tasks().stream().flatMap(t -> t.splits().stream()).mapToLong(s -> s.committedOffset()).sum())
                        .isEqualTo(1_000);
                assertThat(status.lag()).isZero();
            });
            long before = runtime.status().workers().get(0).checkpointsCompleted();

            runtime.triggerCheckpoint().get(30, TimeUnit.SECONDS);

            RuntimeStatus after = runtime.status();
            assertThat(after.workers().get(0).checkpointsCompleted()).isGreaterThan(before);
            assertThat(after.workers().get(0).lastCheckpoint()).isPresent();
            assertThat(after.advertisedEndpoint()).contains("127.0.0.1:18084");
            assertThat(after.state()).isEqualTo(WeirRuntime.State.RUNNING);
        }
    }

    private static void assertLocatedOnExactlyOneInstance(String key, WeirRuntime a, WeirRuntime b) {
        KeyLocation fromA = a.locateKey(OPERATOR, key);
        KeyLocation fromB = b.locateKey(OPERATOR, key);
        assertThat(fromA.local()).as("%s local on exactly one instance", key).isNotEqualTo(fromB.local());
        assertThat(fromA.task()).isEqualTo(fromB.task());
        WeirRuntime owner = fromA.local() ? a : b;
        for (KeyLocation location : List.of(fromA, fromB)) {
            assertThat(location.instanceId()).contains(owner.instanceId());
            assertThat(location.endpoint()).isEqualTo(owner.status().advertisedEndpoint());
        }
        Set<String> tasks = new HashSet<>(a.activeTasks());
        tasks.addAll(b.activeTasks());
        assertThat(tasks).hasSize(6);
    }

    private static WeirRuntime runtime(Path stateDir, String endpoint) {
        return runtime(stateDir, endpoint, "sq-in", "sq-out");
    }

    private static WeirRuntime runtime(Path stateDir, String endpoint, String input, String output) {
        WeirConfig config = WeirConfig.custom()
                .applicationId("sq-" + input)
                .bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir)
                .advertisedEndpoint(endpoint)
                .build();
        return new WeirRuntime(RunningCount.pipeline(input, output), config);
    }
}
