package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.weir.test.CheckReport;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each worker is a static group member: an instance restarted after SIGKILL takes its own place
 * in the group at once, instead of waiting for the killed member's session to expire, while an
 * instance that stops cleanly still leaves the group, so the others take its tasks over at once.
 *
 * <p>The workers' session timeout here is ten minutes, far beyond how long the test waits for
 * the output: a restart or a hand-over that waited for a session to expire would never finish in time.
 * Both tests share the application id (the group and the changelog), so each uses keys of its own
 * and ends with its instances stopped cleanly: a killed static member would hold the next test's
 * rebalance for its whole session.
 */
class StaticMembershipRestartTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration OUTPUT_WAIT = Duration.ofMinutes(3);
    private static final int KEYS = 500;
    private static final int BATCH = 20_000;

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void anInstanceRestartedAfterSigkillProcessesAgainWhileItsKilledMembersSessionIsStillAlive(@TempDir Path dir) {
        kafka.createTopic("static-restart-in", 6);
        kafka.createTopic("static-restart-out", 6);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "static-restart-in", i -> "restart-" + (i % KEYS),
                Integer::toString);
        ExactlyOnceChecker<String, Long> checker = checker("static-restart-out");
        try (PipelineInstances instances = new PipelineInstances("running-count", kafka.bootstrapServers(), dir,
                "static-restart-in", "static-restart-out")) {
            ChildJvm first = instances.start("a", SESSION_TIMEOUT);
            input.produce(0, BATCH);
            checker.awaitCommittedRecords(BATCH, OUTPUT_WAIT);
            first.kill();

            ChildJvm restarted = instances.start("a", SESSION_TIMEOUT);
            input.produce(BATCH, 2 * BATCH);
            checker.awaitCommittedRecords(2 * BATCH, OUTPUT_WAIT);
            List<PipelineInstances.Restore> restores = PipelineInstances.restores(restarted);
            assertThat(restores.subList(restores.size() - 6, restores.size()))
                    .allMatch(PipelineInstances.Restore::localStateReused);
            // A clean stop leaves the group, which the next test's instances then find empty.
            restarted.stop(Duration.ofSeconds(60));
        }
        CheckReport<String, Long> report = checker.checkPerKeySequences(input.runningCounts(2 * BATCH));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    @Test
    void anInstanceThatStopsCleanlyLeavesTheGroupSoAnotherTakesItsTasksOverAtOnce(@TempDir Path dir) {
        kafka.createTopic("static-leave-in", 6);
        kafka.createTopic("static-leave-out", 6);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "static-leave-in", i -> "leave-" + (i % KEYS),
                Integer::toString);
        ExactlyOnceChecker<String, Long> checker = checker("static-leave-out");
        try (PipelineInstances instances = new PipelineInstances("running-count", kafka.bootstrapServers(), dir,
                "static-leave-in", "static-leave-out")) {
            ChildJvm a = instances.start("a", SESSION_TIMEOUT);
            ChildJvm b = instances.start("b", SESSION_TIMEOUT);
            b.awaitLogLine("took over tasks", OUTPUT_WAIT);
            input.produce(0, BATCH);
            checker.awaitCommittedRecords(BATCH, OUTPUT_WAIT);
            assertThat(a.stop(Duration.ofSeconds(60))).as("exit code of a clean stop").isNotEqualTo(ChildJvm.SIGKILL_EXIT_CODE);

            input.produce(BATCH, 2 * BATCH);
            checker.awaitCommittedRecords(2 * BATCH, OUTPUT_WAIT);
            b.awaitLogLine("it now owns [0_0, 0_1, 0_2, 0_3, 0_4, 0_5]", OUTPUT_WAIT);
            b.stop(Duration.ofSeconds(60));
        }
        CheckReport<String, Long> report = checker.checkPerKeySequences(input.runningCounts(2 * BATCH));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static ExactlyOnceChecker<String, Long> checker(String topic) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new LongDeserializer());
    }
}
