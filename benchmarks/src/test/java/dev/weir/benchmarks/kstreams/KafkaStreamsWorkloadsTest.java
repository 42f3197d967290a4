package dev.weir.benchmarks.kstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.weir.benchmarks.workloads.RunnerArguments;
import dev.weir.test.EmbeddedKafkaExtension;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each workload's topology on a real broker, configured as {@link KafkaStreamsRunner} configures
 * it (exactly-once v2, commit interval 100 ms, one thread, RocksDB), on inputs of three partitions:
 * its {@code read_committed} output must be what the benchmark contract says, worked out
 * independently by {@link ExpectedOutputs}, and its group must have committed the input's end
 * offsets.
 */
class KafkaStreamsWorkloadsTest {

    private static final int PARTITIONS = 3;
    private static final Duration DONE_WITHIN = Duration.ofMinutes(3);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @TempDir
    Path stateDir;

    private KafkaIo io;
    private KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeEach
    void connect() {
        io = new KafkaIo(kafka.bootstrapServers());
    }

    @AfterEach
    void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        io.close();
    }

    @Test
    void passThroughCopiesEveryRecordWithItsKeyValueAndTimestamp() {
        List<TimedRecord> input = io.produce(topics("passthrough"), TestInputs.keyed(3_000, 500, 1));

        List<TimedRecord> output = runToEnd("passthrough");

        assertThat(output).extracting(record -> record.key() + "|" + record.value() + "|" + record.timestamp())
                .containsExactlyInAnyOrderElementsOf(input.stream()
                        .map(record -> record.key() + "|" + record.value() + "|" + record.timestamp()).toList());
    }

    @Test
    void windowCountWritesEachClosedWindowOfEachKeyOnceWithItsCount() {
        List<TimedRecord> input = io.produce(topics("window-count"), TestInputs.keyed(4_000, 40, 2));

        List<TimedRecord> output = runToEnd("window-count");

        Map<String, List<String>> expected = ExpectedOutputs.windowCounts(input);
        assertThat(ExpectedOutputs.valuesBy(output, TimedRecord::key)).isEqualTo(expected);
        // Input timestamps span 52 s: each key has several closed windows, the last ones open.
        assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(4 * 40);
    }

    @Test
    void fraudRaisesEveryAlertOfBothRulesInOrderStampedWithItsTransaction() {
        List<TimedRecord> input = io.produce(topics("fraud"), TestInputs.transactions(40, 60, 3));

        List<TimedRecord> output = runToEnd("fraud");

        Map<String, List<String>> expected = ExpectedOutputs.fraudAlerts(input);
        assertThat(ExpectedOutputs.valuesBy(output, TimedRecord::key)).isEqualTo(expected);
        assertThat(expected.get("acct-both")).containsExactly("small-then-large:t-2405", "velocity:t-2405");
        assertThat(expected.values().stream().flatMap(List::stream))
                .anyMatch(alert -> alert.startsWith("small-then-large:"))
                .anyMatch(alert -> alert.startsWith("velocity:"));
        Map<String, Long> transactionTimes = input.stream().collect(Collectors.toMap(
                record -> record.value().substring(7, record.value().indexOf('"', 7)), TimedRecord::timestamp));
        assertThat(output).allSatisfy(alert -> assertThat(alert.timestamp())
                .isEqualTo(transactionTimes.get(alert.value().substring(alert.value().indexOf(':') + 1))));
    }

    @Test
    void nexmarkQ5WritesTheHottestAuctionsWithAllTiesOfEveryClosedWindowOnce() {
        List<TimedRecord> input = runLive("nexmark-q5", TestInputs.nexmark(32_000, PARTITIONS, 4));

        List<TimedRecord> output = io.readCommitted("nexmark-q5-out");

        Map<Long, List<String>> expected = ExpectedOutputs.hotAuctions(input);
        assertThat(expected.values()).anyMatch(tied -> tied.size() > 1);
        assertWindowsClosedOnTimeAndRight(input, output, expected, 10_000, 15);
    }

    @Test
    void nexmarkQ7WritesTheHighestBidsWithAllTiesOfEveryClosedWindowOnce() {
        List<TimedRecord> input = runLive("nexmark-q7", TestInputs.nexmark(32_000, PARTITIONS, 5));

        List<TimedRecord> output = io.readCommitted("nexmark-q7-out");

        Map<Long, List<String>> expected = ExpectedOutputs.highestBids(input);
        assertThat(expected.values()).anyMatch(tied -> tied.size() > 1);
        assertWindowsClosedOnTimeAndRight(input, output, expected, 10_000, 3);
    }

    /**
     * Every window whose end + 1 s is at most the lowest partition time must be written, and
     * every window written must be complete and written once.
     */
    private static void assertWindowsClosedOnTimeAndRight(List<TimedRecord> input, List<TimedRecord> output,
            Map<Long, List<String>> expected, long windowSize, int dueAtLeast) {
        assertThat(output).allSatisfy(record -> assertThat(record.value()).startsWith(record.key() + ":"));
        Map<Long, List<String>> written = ExpectedOutputs.valuesBy(output, record -> Long.parseLong(record.key()));
        written.replaceAll((start, values) -> values.stream().sorted().toList());
        long lowestPartitionTime = ExpectedOutputs.lowestPartitionTime(input);
        List<Long> due = expected.keySet().stream()
                .filter(start -> start + windowSize + 1_000 <= lowestPartitionTime).toList();
        assertThat(written.keySet()).containsAll(due);
        assertThat(due).hasSizeGreaterThanOrEqualTo(dueAtLeast);
        written.forEach((start, values) -> assertThat(values).as("window " + start).isEqualTo(expected.get(start)));
    }

    private String topics(String workload) {
        kafka.createTopic(workload + "-in", PARTITIONS);
        kafka.createTopic(workload + "-out", PARTITIONS);
        return workload + "-in";
    }

    /** Runs a workload over its pre-loaded input until the group has committed the end offsets. */
    private List<TimedRecord> runToEnd(String workload) {
        start(workload);
        awaitCommittedEndOffsets(workload);
        return io.readCommitted(workload + "-out");
    }

    /**
     * Runs a workload while its input arrives a second of event time at a time, each second
     * written once the previous one has been processed, as a live source would write it: with
     * the whole input pre-loaded, one partition's task could run ahead of another's by more than
     * the grace period over this sparse input (a few events per 100 ms, where the benchmark's
     * generator makes a thousand), and Kafka Streams would drop the other partitions' bids as late.
     */
    private List<TimedRecord> runLive(String workload, List<TimedRecord> events) {
        String input = topics(workload);
        start(workload);
        List<TimedRecord> written = new ArrayList<>(events.size());
        long first = events.stream().mapToLong(TimedRecord::timestamp).min().orElseThrow();
        Map<Long, List<TimedRecord>> seconds = events.stream().collect(Collectors.groupingBy(
                event -> (event.timestamp() - first) / 1_000));
        seconds.keySet().stream().sorted(Comparator.naturalOrder()).forEach(second -> {
            written.addAll(io.produce(input, seconds.get(second)));
            awaitCommittedEndOffsets(workload);
        });
        return written;
    }

    private void start(String workload) {
        RunnerArguments arguments = RunnerArguments.parse("workload=" + workload,
                "bootstrap-servers=" + kafka.bootstrapServers(), "input=" + workload + "-in",
                "output=" + workload + "-out", "application-id=" + workload + "-app", "state-dir=" + stateDir);
        streams = BenchmarkStreams.create(arguments);
        streams.setUncaughtExceptionHandler(exception -> {
            failure.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    private void awaitCommittedEndOffsets(String workload) {
        await().atMost(DONE_WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(failure.get()).as("a stream thread failed").isNull();
            return io.committedEndOffsets(workload + "-app", workload + "-in");
        });
    }
}
