package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.weir.test.CheckReport;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zombie: an instance frozen with SIGSTOP past its session timeout while it holds an open
 * transaction. Its tasks move to the other instance; when it is thawed with SIGCONT, nothing it
 * writes may be committed, and it must notice, drop its work and rejoin the group.
 */
class ZombieInstanceTest {

    private static final int BATCH = 100_000;
    private static final Pattern OWNS_ALL = Pattern.compile("it now owns \\[0_0, 0_1, 0_2, 0_3, 0_4, 0_5\\]");
    private static final Pattern NOTICED = Pattern.compile("was fenced|lost \\[|abandoned a checkpoint");

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void frozenInstanceCommitsNothingAfterItsTasksMovedAndRejoinsWhenThawed(@TempDir Path dir) throws Exception {
        kafka.createTopic("zombie-in", 6);
        kafka.createTopic("zombie-out", 6);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "zombie-in", i -> "key-" + (i % 5_000), Integer::toString);
        try (PipelineInstances instances = new PipelineInstances("running-count", kafka.bootstrapServers(), dir,
                "zombie-in", "zombie-out")) {
            ChildJvm zombie = instances.start("zombie");
            ChildJvm survivor = instances.start("survivor");
            input.produce(0, BATCH);
            checker().awaitCommittedRecords(BATCH / 2, Duration.ofMinutes(2));

            zombie.pause();
            long linesBeforeTakeover = Files.readAllLines(survivor.logFile()).size();
            input.produce(BATCH, 2 * BATCH);
            awaitNewLine(survivor, OWNS_ALL, linesBeforeTakeover);
            checker().awaitCommittedRecords(2 * BATCH, Duration.ofMinutes(2));

            long linesBeforeThaw = Files.readAllLines(zombie.logFile()).size();
            zombie.resume();
            input.produce(2 * BATCH, 3 * BATCH);
            awaitNewLine(zombie, NOTICED, linesBeforeThaw);
            awaitNewLine(zombie, Pattern.compile("took over tasks"), linesBeforeThaw);
            checker().awaitCommittedRecords(3 * BATCH, Duration.ofMinutes(2));
            assertThat(zombie.isAlive()).isTrue();
        }
        CheckReport<String, Long> report = checker().checkPerKeySequences(input.runningCounts(3 * BATCH));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    /** Waits for a line matching {@code pattern} among those the instance logs after line {@code after}. */
    private static void awaitNewLine(ChildJvm instance, Pattern pattern, long after) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readAllLines(instance.logFile()).stream().skip(after)
                        .anyMatch(line -> pattern.matcher(line).find()));
    }

    private static ExactlyOnceChecker<String, Long> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "zombie-out", new StringDeserializer(),
                new LongDeserializer());
    }
}
