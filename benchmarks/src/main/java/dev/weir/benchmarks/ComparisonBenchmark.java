package dev.weir.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import dev.weir.benchmarks.workloads.GroupCompletion;
import dev.weir.benchmarks.workloads.InputKind;
import dev.weir.benchmarks.workloads.RunnerArguments;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.LoggerFactory;

/**
 * Weir against Kafka Streams and Flink on one real broker: the same workloads, the same input,
 * the same output shape and the same guarantee (exactly-once), each system in a child JVM of its
 * own, back to back, with the bare transactional loop on each input as the physical limit.
 *
 * <p>For every system and workload: throughput on a pre-loaded input (the steady slope of the
 * group's committed offsets), the runner's CPU seconds and peak resident memory, the output read
 * back with {@code read_committed} and checked against the input, and then end-to-end latency at
 * a share (half) of that system's own peak, written in real time. Writes {@code comparison.md}
 * and {@code comparison.png}. Nothing here asserts a time; the exit code is 1 if a run failed or
 * its output was wrong.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests &amp;&amp; mvn -B -ntp -q -pl benchmarks exec:exec@compare
 * </pre>
 */
public final class ComparisonBenchmark {

    private static final Duration PAUSE_BETWEEN_RUNS = Duration.ofSeconds(2);

    private final ComparisonOptions options;
    private final String bootstrapServers;
    private final KafkaTools kafka;
    private final CpuMeter cpu;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private int runIndex;

    private ComparisonBenchmark(ComparisonOptions options, BrokerProcess broker, KafkaTools kafka) {
        this.options = options;
        this.bootstrapServers = broker.bootstrapServers();
        this.kafka = kafka;
        this.cpu = new CpuMeter(broker.pid());
    }

    /**
     * Runs the comparison.
     *
     * @param args options {@code name=value}; {@code help} lists them
     */
    public static void main(String[] args) {
        ComparisonOptions options;
        try {
            options = ComparisonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(ComparisonOptions.USAGE);
            return;
        }
        int exitCode;
        try {
            exitCode = run(options);
        } catch (RuntimeException | AssertionError e) {
            LoggerFactory.getLogger(ComparisonBenchmark.class).error("The comparison failed", e);
            exitCode = 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static int run(ComparisonOptions options) {
        Directories.create(options.outputDir);
        ThroughputBenchmark.log("comparison: %s on %s, %,d records per input, %d partitions, parallelism %d, "
                        + "commit interval %d ms", options.systems, options.workloads, options.records,
                options.partitions, options.parallelism, options.commitInterval.toMillis());
        BrokerProcess broker = options.bootstrapServers != null ? BrokerProcess.external(options.bootstrapServers)
                : BrokerProcess.startChild(options.brokerHeap, options.outputDir.resolve("broker.log"));
        try (broker; KafkaTools kafka = new KafkaTools(broker.bootstrapServers())) {
            ThroughputBenchmark.log("broker: %s", broker.describe());
            ComparisonBenchmark benchmark = new ComparisonBenchmark(options, broker, kafka);
            List<ComparisonResult> results = benchmark.runAll();
            String report = ComparisonReport.markdown(options, broker, results);
            System.out.println();
            System.out.println(report);
            Path table = options.outputDir.resolve("comparison.md");
            Files.writeString(table, report, StandardCharsets.UTF_8);
            Path chart = options.outputDir.resolve("comparison.png");
            ComparisonChart.write(chart, options, results);
            ThroughputBenchmark.log("wrote %s and %s", table.toAbsolutePath(), chart.toAbsolutePath());
            return results.stream().allMatch(ComparisonResult::ok) ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ComparisonResult> runAll() {
        Map<InputKind, GeneratedInput> inputs = new LinkedHashMap<>();
        for (ComparedWorkload workload : options.workloads) {
            inputs.computeIfAbsent(workload.input(), this::load);
        }
        List<ComparisonResult> results = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            ThroughputBenchmark.log("throughput round %d of %d", round, options.rounds);
            for (Map.Entry<InputKind, GeneratedInput> input : inputs.entrySet()) {
                if (options.bare) {
                    results.add(throughput(SystemUnderTest.BARE, null, input.getKey(), input.getValue(), round));
                }
                for (ComparedWorkload workload : options.workloads) {
                    if (workload.input() != input.getKey()) {
                        continue;
                    }
                    for (SystemUnderTest system : options.systems) {
                        results.add(throughput(system, workload, input.getKey(), input.getValue(), round));
                    }
                }
                input.getValue().release();
            }
        }
        if (options.latency) {
            for (ComparisonResult median : ComparisonReport.medians(results)) {
                if (median.ok()) {
                    median.latency = latency(median);
                }
            }
        }
        inputs.values().forEach(input -> kafka.deleteTopics(Set.of(input.topic), null));
        return results;
    }

    private GeneratedInput load(InputKind kind) {
        String topic = "bench-" + runId + "-" + label(kind) + "-input";
        GeneratedInput input = GeneratedInput.load(kafka, bootstrapServers, topic, options.partitions,
                options.records, kind.generator());
        ThroughputBenchmark.log("loaded %,d %s records into %s in %.1f s", input.records, label(kind), topic,
                input.loadSeconds);
        return input;
    }

    private ComparisonResult throughput(SystemUnderTest system, ComparedWorkload workload, InputKind kind,
                                        GeneratedInput input, int round) {
        String what = workload == null ? label(kind) : workload.label();
        String app = nextName(system.label() + "-" + what);
        String output = app + "-out";
        kafka.createTopic(output, options.partitions);
        Path stateDir = Directories.createTemp("weir-compare-state-");
        pauseBetweenRuns();
        ThroughputBenchmark.log("run %s: %s, %s", app, system.displayName(), what);
        RunnerArguments arguments = new RunnerArguments(workload == null ? ComparedWorkload.PASSTHROUGH : workload,
                bootstrapServers, input.topic, output, app, stateDir, options.commitInterval.toMillis(),
                options.parallelism);
        double[] cpuAtStart = {Double.NaN};
        ProgressWatcher.Progress progress;
        String failure;
        long doneNanos;
        boolean multiStage;
        double cpuAtEnd;
        long peakResident;
        try (RunnerProcess runner = RunnerProcess.start(system, arguments, options.runnerHeap, options.flinkModule,
                options.outputDir.resolve("runs").resolve(app + ".log"))) {
            long start = System.nanoTime();
            progress = ProgressWatcher.await(kafka, cpu, app, input.endOffsets, start, options.timeout, () -> {
                if (runner.running()) {
                    cpuAtStart[0] = runner.cpuSeconds();
                    return true;
                }
                return false;
            }, runner::failure);
            failure = progress.failure != null ? progress.failure
                    : awaitLastStage(app, input.topic, start, runner::failure);
            doneNanos = System.nanoTime() - start;
            multiStage = kafka.topicsWithPrefix(app + "-").stream().anyMatch(t -> t.endsWith("-repartition"));
            cpuAtEnd = runner.cpuSeconds();
            peakResident = runner.peakResidentBytes();
            // Flink commits the input offsets and the sink's transaction on the same checkpoint
            // notification, in no fixed order: give the last transaction a moment before stopping.
            KafkaTools.sleep(2 * options.commitInterval.toMillis() + 300);
        }
        try {
            if (failure != null) {
                ThroughputBenchmark.log("  %s FAILED: %s", app, failure);
                return ComparisonResult.failed(system, workload, kind, round, failure);
            }
            double seconds = (doneNanos - Math.max(progress.assignedNanos, progress.firstCommitNanos)) / 1e9;
            double rate = rate(progress, input.records, doneNanos, multiStage);
            List<ConsumerRecord<String, String>> out = GeneratedInput.readCommitted(bootstrapServers,
                    partitions(output));
            ComparedWorkload check = workload == null ? ComparedWorkload.PASSTHROUGH : workload;
            var verdict = check.verify(input.records(), out);
            ComparisonResult result = new ComparisonResult(system, workload, kind, round, rate, seconds,
                    cpuAtEnd - cpuAtStart[0], input.records, peakResident, verdict.summary(), verdict.ok(), null);
            ThroughputBenchmark.log("  %s: %,.0f records/s (%.2f s), %.1f CPU s, peak RSS %,d MiB; output %s", app,
                    rate, seconds, result.cpuSeconds, peakResident >> 20, verdict.summary());
            return result;
        } finally {
            cleanUp(app, output, stateDir);
        }
    }

    /**
     * The records per second of a run: the slope of the group's committed input offsets from its
     * first commit (start-up cut off, whenever each system commits its partitions) to their last
     * change before the final one (the wait for the final commit cut off: Flink's Kafka source
     * commits its last offsets only when its idle poll, of up to ten seconds, ends). Where later
     * stages read repartition topics, the input's slope is only the first stage's, so the rate is
     * at most the records over the time until the last stage had consumed everything.
     */
    private static double rate(ProgressWatcher.Progress progress, long records, long doneNanos, boolean multiStage) {
        if (progress.firstCommitNanos < 0) {
            // The first commit was the final one: all there is, is the time since the runner started.
            return records / ((doneNanos - progress.assignedNanos) / 1e9);
        }
        double untilDone = (records - progress.firstCommitRecords) / ((doneNanos - progress.firstCommitNanos) / 1e9);
        if (progress.lastChangeNanos <= progress.firstCommitNanos) {
            return untilDone;
        }
        double slope = (progress.lastChangeRecords - progress.firstCommitRecords)
                / ((progress.lastChangeNanos - progress.firstCommitNanos) / 1e9);
        return multiStage ? Math.min(slope, untilDone) : slope;
    }

    /**
     * Waits until the later stages have consumed their repartition topics too (the input's offsets
     * only say the first stage is done); returns why not, or null.
     */
    private String awaitLastStage(String group, String input, long startNanos, Supplier<String> failed) {
        try (GroupCompletion completion = new GroupCompletion(bootstrapServers)) {
            while (!completion.finished(group, input)) {
                String failure = failed.get();
                if (failure != null) {
                    return failure;
                }
                if (System.nanoTime() - startNanos > options.timeout.toNanos()) {
                    return "timed out after " + options.timeout + " with " + completion.behind() + " unconsumed";
                }
                KafkaTools.sleep(10);
            }
            return null;
        }
    }

    private LatencyProbe.Result latency(ComparisonResult peak) {
        SystemUnderTest system = peak.system;
        ComparedWorkload workload = peak.workload == null ? ComparedWorkload.PASSTHROUGH : peak.workload;
        String what = peak.workload == null ? label(peak.input) : peak.workload.label();
        String app = nextName(system.label() + "-" + what + "-latency");
        String input = app + "-in";
        String output = app + "-out";
        kafka.createTopic(input, options.partitions,
                Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
        kafka.createTopic(output, options.partitions);
        Path stateDir = Directories.createTemp("weir-compare-state-");
        pauseBetweenRuns();
        double rate = Math.max(1, options.latencyShare * peak.recordsPerSecond);
        ThroughputBenchmark.log("latency %s: %s, %s at %,.0f records/s", app, system.displayName(), what, rate);
        RunnerArguments arguments = new RunnerArguments(workload, bootstrapServers, input, output, app,
                stateDir, options.commitInterval.toMillis(), options.parallelism);
        ToLongFunction<ConsumerRecord<String, String>> dueTime = workload::dueTime;
        try (RunnerProcess runner = RunnerProcess.start(system, arguments, options.runnerHeap, options.flinkModule,
                options.outputDir.resolve("runs").resolve(app + ".log"))) {
            long deadline = System.nanoTime() + options.timeout.toNanos();
            while (!runner.running() && runner.failure() == null && System.nanoTime() < deadline) {
                KafkaTools.sleep(20);
            }
            if (!runner.running()) {
                String why = runner.failure() != null ? runner.failure() : "did not start";
                return LatencyProbe.Result.failed(why);
            }
            LatencyProbe.Result result = LatencyProbe.run(bootstrapServers, kafka, new LatencyProbe.Plan(input, output,
                    app, options.partitions, rate, options.latencyWarmUp, options.latencyMeasured,
                    peak.input.generator(), dueTime), runner::failure);
            ThroughputBenchmark.log("  %s: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d outputs at %,.0f records/s%s",
                    app, result.p50Millis(), result.p99Millis(), result.maxMillis(), result.samples(),
                    result.inputRate(), result.failure() == null ? "" : "; FAILED: " + result.failure());
            return result;
        } finally {
            kafka.deleteTopics(Set.of(input), null);
            cleanUp(app, output, stateDir);
        }
    }

    private Set<TopicPartition> partitions(String topic) {
        return IntStream.range(0, options.partitions).mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
    }

    private void cleanUp(String app, String output, Path stateDir) {
        try {
            kafka.deleteTopics(Set.of(output), app + "-");
            kafka.deleteGroup(app);
        } catch (RuntimeException e) {
            ThroughputBenchmark.log("  could not clean up after %s: %s", app, e);
        }
        Directories.deleteRecursively(stateDir);
    }

    /** The input's name in topic names and tables: {@code keyed}, {@code transactions}, {@code nexmark}. */
    static String label(InputKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private String nextName(String what) {
        runIndex++;
        return "bench-" + runId + "-" + runIndex + "-" + what;
    }

    private void pauseBetweenRuns() {
        KafkaTools.sleep(PAUSE_BETWEEN_RUNS.toMillis());
        cpu.awaitQuiet(options.quietTimeout);
    }
}
