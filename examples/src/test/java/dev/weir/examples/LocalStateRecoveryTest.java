package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.weir.examples.PipelineInstances.Restore;
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
 * After SIGKILL, an instance reuses its RocksDB state and replays only the changelog tail past
 * the offsets its last commit recorded; without local state it replays the whole changelog.
 */
class LocalStateRecoveryTest {

    private static final int KEYS = 20_000;
    private static final int BATCH = 100_000;

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void restartAfterSigkillReplaysOnlyTheChangelogTailWhileAWipedInstanceReplaysEverything(@TempDir Path dir)
            throws Exception {
        kafka.createTopic("recovery-in", 6);
        kafka.createTopic("recovery-out", 6);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "recovery-in", i -> "key-" + (i % KEYS), Integer::toString);
        try (PipelineInstances instances = new PipelineInstances("running-count", kafka.bootstrapServers(), dir,
                "recovery-in", "recovery-out")) {
            ChildJvm first = instances.start("a");
            input.produce(0, BATCH);
            checker().awaitCommittedRecords(BATCH, Duration.ofMinutes(2));
            CompletableFuture<Void> more = input.produceInBackground(BATCH, 2 * BATCH);
            checker().awaitCommittedRecords(BATCH + BATCH / 2, Duration.ofMinutes(2));
            first.kill();

            ChildJvm restarted = instances.start("a");
            List<Restore> tail = awaitRestores(restarted, 6);
            assertThat(tail).allMatch(Restore::localStateReused);
            more.get(2, TimeUnit.MINUTES);
            checker().awaitCommittedRecords(2 * BATCH, Duration.ofMinutes(2));
            restarted.stop(Duration.ofSeconds(30));

            wipeTaskState(instances.stateDirectory("a"));
            ChildJvm wiped = instances.start("a");
            List<Restore> full = awaitRestores(wiped, 6);
            assertThat(full).noneMatch(Restore::localStateReused);
            long replayedFull = full.stream().mapToLong(Restore::replayed).sum();
            long replayedTail = tail.stream().mapToLong(Restore::replayed).sum();
            assertThat(replayedFull).as("a full restore replays at least every key's entry").isGreaterThanOrEqualTo(KEYS);
            // How much the tail holds depends on how far the last checkpoint was from the kill;
            // what must hold on any machine is where each replay began.
            Map<String, Long> fullFrom = full.stream().collect(Collectors.toMap(Restore::task, Restore::fromOffset));
            assertThat(tail).as("every task resumes its replay past the start of its changelog")
                    .allMatch(r -> r.fromOffset() > fullFrom.get(r.task()));
            assertThat(replayedTail).as("the tail after SIGKILL, against %d records of a full restore", replayedFull)
                    .isLessThan(replayedFull / 2);

            input.produce(2 * BATCH, 2 * BATCH + 10_000);
            checker().awaitCommittedRecords(2 * BATCH + 10_000, Duration.ofMinutes(2));
        }
        CheckReport<String, Long> report = checker().checkPerKeySequences(input.runningCounts(2 * BATCH + 10_000));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    /** The restores the instance logged since it started, once there are {@code count} of them. */
    private static List<Restore> awaitRestores(ChildJvm instance, int count) {
        instance.awaitLogLine(Pattern.compile("it now owns \\[0_0, 0_1, 0_2, 0_3, 0_4, 0_5\\]"), Duration.ofMinutes(2));
        List<Restore> all = PipelineInstances.restores(instance);
        assertThat(all.size()).isGreaterThanOrEqualTo(count);
        return all.subList(all.size() - count, all.size());
    }

    private static void wipeTaskState(Path stateDir) throws Exception {
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> p.toString().contains("/tasks"))
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static ExactlyOnceChecker<String, Long> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "recovery-out", new StringDeserializer(),
                new LongDeserializer());
    }
}
