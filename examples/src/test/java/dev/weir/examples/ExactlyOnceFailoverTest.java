package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * Exactly-once under failure, on a real broker: instances run in child JVMs, one is killed with
 * SIGKILL mid-stream and restarted, a third joins mid-stream, and an independent read_committed
 * checker compares the output with the model: nothing missing, nothing twice, every count right.
 */
class ExactlyOnceFailoverTest {

    private static final int RECORDS = 1_000_000;
    private static final int PARTITIONS = 6;
    private static final Duration PIPELINE_DEADLINE = Duration.ofMinutes(6);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void runningCountStaysExactlyOnceWhenAnInstanceIsKilledRestartedAndAnotherJoins(@TempDir Path dir) throws Exception {
        kafka.createTopic("events", PARTITIONS);
        kafka.createTopic("counts", PARTITIONS);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "events", i -> "key-" + (i % 10_000), Integer::toString);

        runWithFailures("running-count", dir, input, "counts");

        CheckReport<String, Long> report = checker("counts").checkPerKeySequences(input.runningCounts(RECORDS));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        assertThat(report.recordsRead()).isEqualTo(RECORDS);
    }

    @Test
    void repartitionedTwoStageCountStaysExactlyOnceWhenAnInstanceIsKilledRestartedAndAnotherJoins(@TempDir Path dir)
            throws Exception {
        kafka.createTopic("payments", PARTITIONS);
        kafka.createTopic("region-counts", PARTITIONS);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "payments",
                i -> "account-" + (i % 7_919), i -> region(i) + "," + (i % 1_000));

        runWithFailures("two-stage-count", dir, input, "region-counts");

        Map<String, List<Long>> expected = KeyedInput.runningCounts(RECORDS, ExactlyOnceFailoverTest::region);
        CheckReport<String, Long> report = checker("region-counts").checkPerKeySequences(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        assertThat(report.recordsRead()).isEqualTo(RECORDS);
    }

    private static String region(int i) {
        return "region-" + ((i / 3) % 60);
    }

    /** Two instances; the first is SIGKILLed at 30 % and restarted; a third joins at 60 %. */
    private void runWithFailures(String pipeline, Path dir, KeyedInput input, String output) throws Exception {
        try (PipelineInstances instances = new PipelineInstances(pipeline, kafka.bootstrapServers(), dir,
                input.topic(), output)) {
            ChildJvm first = instances.start("a");
            instances.start("b");
            CompletableFuture<Void> production = input.produceInBackground(0, RECORDS);

            checker(output).awaitCommittedRecords(RECORDS * 3L / 10, PIPELINE_DEADLINE);
            first.kill();
            assertThat(first.exitCode()).hasValue(ChildJvm.SIGKILL_EXIT_CODE);
            instances.start("a");

            checker(output).awaitCommittedRecords(RECORDS * 6L / 10, PIPELINE_DEADLINE);
            instances.start("c");

            production.get(5, TimeUnit.MINUTES);
            checker(output).awaitCommittedRecords(RECORDS, PIPELINE_DEADLINE);
        }
    }

    private static ExactlyOnceChecker<String, Long> checker(String topic) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic, new StringDeserializer(), new LongDeserializer());
    }
}
