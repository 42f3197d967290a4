package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
 * Event-time windows behind a repartition topic, exactly once under SIGKILL, on the real broker:
 * out-of-order events over 6 partitions, one of them idle at first, are re-keyed by region and
 * counted in tumbling event-time windows by two instances in child JVMs. The window results
 * must equal the model computed offline, each exactly once, and the late events must land in
 * the late-data topic, each exactly once.
 *
 * <p>The windows can only fire while partition 5 is silent if its upstream task declares itself
 * idle and the downstream tasks learn it through the repartition topic; they can only fire at
 * all if upstream watermarks cross that topic.
 */
class WindowedExactlyOnceTest {

    private static final String PIPELINE = "windowed-region-count";
    private static final int PARTITIONS = 6;
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void windowCountsEqualTheModelExactlyOnceWithAnIdlePartitionLateEventsAndAnInstanceKilledMidWindow(@TempDir Path dir)
            throws Exception {
        kafka.createTopic("wrc-in", PARTITIONS);
        kafka.createTopic("wrc-out", PARTITIONS);
        long base = (System.currentTimeMillis() / 1_000) * 1_000 - 120_000;
        RegionEvents events = new RegionEvents(kafka.bootstrapServers(), "wrc-in", base);
        long[] offsets = {0, 0, 0, 0, 0, 5_000};
        int[] starts = {0, 0, 0, 0, 0, 5_000};
        // Partition 5 stays silent for the first 20 s of event time, then runs 5 s ahead of the others.
        events.produce(0, 100, offsets, starts, s -> false);
        try (PipelineInstances instances = new PipelineInstances(PIPELINE, kafka.bootstrapServers(), dir, "wrc-in",
                "wrc-out")) {
            instances.start("a");
            ChildJvm b = instances.start("b");
            CompletableFuture<Void> production = events.producePaced(100, 15_000, offsets, starts,
                    s -> s >= 8_000 && s % 997 == 0, 100, 100);

            output().awaitCommittedRecords(events.windowsEndingBy(35_000), DEADLINE);
            b.kill();
            assertThat(b.exitCode()).hasValue(ChildJvm.SIGKILL_EXIT_CODE);
            production.get(2, TimeUnit.MINUTES);
            instances.start("b");

            events.produceFlush(PARTITIONS, 90_000);
            output().awaitCommittedRecords(events.expectedWindows().size(), DEADLINE);
        }
        CheckReport<String, Long> report = output().checkMultiset(events.expectedWindows());
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        assertThat(events.expectedLate()).hasSizeGreaterThan(20);
        CheckReport<String, String> late = ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), PIPELINE + "-late",
                new StringDeserializer(), new StringDeserializer()).checkMultiset(events.expectedLate());
        assertThat(late.isExactlyOnce()).as(late.toString()).isTrue();
    }

    private static ExactlyOnceChecker<String, Long> output() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "wrc-out", new StringDeserializer(),
                new LongDeserializer());
    }
}
