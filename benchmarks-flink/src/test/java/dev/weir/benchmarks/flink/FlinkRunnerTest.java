package dev.weir.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.flink.core.execution.JobClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five workloads on a real broker: the output read with read_committed matches what the spec says,
 * computed here independently, and the group has committed the input's end offsets. Passthrough runs
 * FlinkRunner as the orchestrator does (child JVM, SIGTERM); the others run the same job in this JVM.
 */
class FlinkRunnerTest {

    private static final int PARTITIONS = 3;
    private static final long WINDOW_MILLIS = 10_000;
    private static final long CLOSING_MILLIS = 1_000;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDirs;

    private static KraftBroker broker;
    private static KafkaIo kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KraftBroker.start();
        kafka = new KafkaIo(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void passthroughAsAChildJvmCopiesEveryRecordWithItsTimestampAndStopsWithASavepointAndExitCodeZeroOnSigterm() throws Exception {
        List<TopicRecord> input = TestInputs.keyed(3_000, 100, 1);
        writeInput("passthrough-in", input);
        broker.createTopic("passthrough-out", PARTITIONS);

        Process runner = startChildRunner("passthrough", "passthrough-in", "passthrough-out", "passthrough-app");
        List<String> stdout = new CopyOnWriteArrayList<>();
        Thread reader = drain(runner, stdout);
        try {
            await().atMost(RUN_TIMEOUT).until(() -> stdout.contains(FlinkRunner.RUNNING_LINE) || !runner.isAlive());
            assertThat(stdout).contains(FlinkRunner.RUNNING_LINE);
            awaitCommitted("passthrough-app", "passthrough-in");
            await().atMost(RUN_TIMEOUT).until(() -> kafka.readCommitted("passthrough-out").size() >= input.size());
        } finally {
            runner.destroy();
        }
        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(runner.exitValue()).isZero();
        // Stopped as `flink stop` does: with a final savepoint, which leaves no transaction open.
        try (Stream<Path> savepoints = Files.list(stateDirs.resolve("passthrough-app").resolve("savepoints"))) {
            assertThat(savepoints).isNotEmpty();
        }
        assertThat(kafka.readCommitted("passthrough-out")).containsExactlyInAnyOrderElementsOf(input);
    }

    @Test
    void windowCountEmitsEachKeysCountOncePerClosedTumblingWindow() throws Exception {
        List<TopicRecord> input = TestInputs.keyed(3_000, 40, 2);
        long closedBefore = writeInput("window-count-in", input);
        broker.createTopic("window-count-out", PARTITIONS);

        Map<Long, List<String>> output = runInProcess(Workload.WINDOW_COUNT, "window-count",
                ExpectedOutputs.windowCount(input), closedBefore);

        assertWindows(output, ExpectedOutputs.windowCount(input), closedBefore);
    }

    @Test
    void fraudAlertsSmallThenLargeAndVelocityPerAccountInInputOrder() throws Exception {
        List<TopicRecord> input = TestInputs.transactions(40, 60, 3);
        writeInput("fraud-in", input);
        broker.createTopic("fraud-out", PARTITIONS);
        List<TopicRecord> expected = ExpectedOutputs.fraud(input);
        assertThat(expected).extracting(TopicRecord::value)
                .anyMatch(v -> v.startsWith("small-then-large:"))
                .anyMatch(v -> v.startsWith("velocity:"));

        JobClient job = BenchmarkJob.start(arguments(Workload.FRAUD, "fraud-in", "fraud-out", "fraud-app"));
        try {
            awaitCommitted("fraud-app", "fraud-in");
            await().atMost(RUN_TIMEOUT).until(() -> kafka.readCommitted("fraud-out").size() >= expected.size());
        } finally {
            cancel(job);
        }

        // One account's alerts share a key, hence a partition, hence their order.
        assertThat(byKey(kafka.readCommitted("fraud-out"))).isEqualTo(byKey(expected));
    }

    @Test
    void nexmarkQ5EmitsEveryAuctionTiedForTheMostBidsInEachClosedSlidingWindow() throws Exception {
        List<TopicRecord> input = TestInputs.nexmark(1_200, 45, false, 4);
        long closedBefore = writeInput("q5-in", input);
        broker.createTopic("q5-out", PARTITIONS);
        Map<Long, List<String>> expected = ExpectedOutputs.hotItems(input);
        assertThat(expected.values()).anyMatch(ties -> ties.size() > 1);

        Map<Long, List<String>> output = runInProcess(Workload.NEXMARK_Q5, "q5", expected, closedBefore);

        assertWindows(output, expected, closedBefore);
    }

    @Test
    void nexmarkQ7EmitsEveryBidTiedForTheHighestPriceInEachClosedTumblingWindow() throws Exception {
        List<TopicRecord> input = TestInputs.nexmark(4_000, 13, true, 5);
        long closedBefore = writeInput("q7-in", input);
        broker.createTopic("q7-out", PARTITIONS);
        Map<Long, List<String>> expected = ExpectedOutputs.highestBid(input);
        assertThat(expected.values()).anyMatch(ties -> ties.size() > 1);

        Map<Long, List<String>> output = runInProcess(Workload.NEXMARK_Q7, "q7", expected, closedBefore);

        assertWindows(output, expected, closedBefore);
    }

    @Test
    void aWindowedWorkloadWithMoreInstancesThanInputPartitionsIsRefusedRatherThanNeverClosingAWindow() {
        broker.createTopic("two-partitions", 2);
        RunnerArguments threeInstances = RunnerArguments.parse(programArguments(Workload.WINDOW_COUNT.label(),
                "two-partitions", "two-partitions", "refused-app", 3).toArray(String[]::new));

        assertThatThrownBy(() -> BenchmarkJob.start(threeInstances))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism=3 exceeds the 2 partitions");
    }

    /**
     * Writes the input round-robin over the partitions (its keys need not decide: every workload reads
     * whatever partition a record is in).
     *
     * @return the closing bound: windows ending at most this minus one second must be in the output
     */
    private static long writeInput(String topic, List<TopicRecord> input) {
        broker.createTopic(topic, PARTITIONS);
        int[] next = {0};
        Map<Integer, Long> maxTimestamps = kafka.write(topic, input, record ->
                record.key() == null ? next[0]++ % PARTITIONS : Math.floorMod(record.key().hashCode(), PARTITIONS));
        return maxTimestamps.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private Map<Long, List<String>> runInProcess(Workload workload, String name, Map<Long, List<String>> expected,
            long closedBefore) throws Exception {
        long mustHave = expected.entrySet().stream()
                .filter(window -> isClosed(window.getKey(), closedBefore))
                .mapToLong(window -> window.getValue().size())
                .sum();
        JobClient job = BenchmarkJob.start(arguments(workload, name + "-in", name + "-out", name + "-app"));
        try {
            awaitCommitted(name + "-app", name + "-in");
            await().atMost(RUN_TIMEOUT).until(() -> byWindow(kafka.readCommitted(name + "-out")).entrySet().stream()
                    .filter(window -> isClosed(window.getKey(), closedBefore))
                    .mapToLong(window -> window.getValue().size())
                    .sum() >= mustHave);
        } catch (ConditionTimeoutException e) {
            // What is missing is better told by the comparison of the windows that follows.
        } finally {
            cancel(job);
        }
        return byWindow(kafka.readCommitted(name + "-out"));
    }

    /** Closed windows must all be there, exactly; a later one may be there too, but then exactly right. */
    private static void assertWindows(Map<Long, List<String>> output, Map<Long, List<String>> expected,
            long closedBefore) {
        expected.forEach((start, records) -> {
            if (isClosed(start, closedBefore)) {
                assertThat(output.get(start)).as("window %d", start).containsExactlyInAnyOrderElementsOf(records);
            }
        });
        output.forEach((start, records) ->
                assertThat(records).as("window %d", start).containsExactlyInAnyOrderElementsOf(expected.get(start)));
        assertThat(output).isNotEmpty();
    }

    private static boolean isClosed(long windowStart, long closedBefore) {
        return windowStart + WINDOW_MILLIS + CLOSING_MILLIS <= closedBefore;
    }

    private static Map<Long, List<String>> byWindow(List<TopicRecord> output) {
        Map<Long, List<String>> windows = new TreeMap<>();
        for (TopicRecord record : output) {
            long start = Long.parseLong(record.value().substring(0, record.value().indexOf(':')));
            windows.computeIfAbsent(start, s -> new ArrayList<>()).add(record.key() + "|" + record.value());
        }
        return windows;
    }

    private static Map<String, List<TopicRecord>> byKey(List<TopicRecord> records) {
        Map<String, List<TopicRecord>> grouped = new LinkedHashMap<>();
        records.forEach(r -> grouped.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return new TreeMap<>(grouped);
    }

    private static void awaitCommitted(String group, String topic) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> kafka.groupCommittedEnd(group, topic));
    }

    private static RunnerArguments arguments(Workload workload, String input, String output, String app) {
        return RunnerArguments.parse(programArguments(workload.label(), input, output, app, 2).toArray(String[]::new));
    }

    private static List<String> programArguments(String workload, String input, String output, String app,
            int parallelism) {
        return List.of("workload=" + workload, "bootstrap-servers=" + broker.bootstrapServers(), "input=" + input,
                "output=" + output, "application-id=" + app, "state-dir=" + stateDirs.resolve(app),
                "commit-interval-ms=100", "parallelism=" + parallelism);
    }

    private static void cancel(JobClient job) throws Exception {
        job.cancel().get(30, TimeUnit.SECONDS);
        job.getJobExecutionResult().handle((result, failure) -> result).get(30, TimeUnit.SECONDS);
    }

    private static Process startChildRunner(String workload, String input, String output, String app)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FlinkRunner.jvmOptions());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FlinkRunner.class.getName());
        command.addAll(programArguments(workload, input, output, app, 1));
        File stderr = stateDirs.resolve(app + "-stderr.log").toFile();
        return new ProcessBuilder(command).redirectError(stderr).start();
    }

    private static Thread drain(Process process, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                // The process ended; what was read is kept.
            }
        }, "runner-stdout");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
