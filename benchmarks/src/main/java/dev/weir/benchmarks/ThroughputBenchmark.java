package dev.weir.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.LoggerFactory;

/**
 * End-to-end throughput of Weir on a real broker.
 *
 * <p>Starts a single-node Kafka in a child JVM, pre-loads an input topic, and then, for each
 * workload, runs it from a fresh application id (fresh consumer group, fresh state) in this JVM
 * and measures how long it takes until every input record's output is committed. The baseline is
 * a bare transactional consume-produce loop on the same input, the most any exactly-once
 * processor can do on this broker and machine. Prints a Markdown table and writes it to
 * {@code benchmarks/target/throughput.md}.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests &amp;&amp; mvn -B -ntp -q -pl benchmarks exec:exec
 * mvn -B -ntp -q -pl benchmarks exec:exec -Dbench.args="records=1000000 workloads=bare,count"
 * </pre>
 *
 * Not a test: nothing here asserts a time. The exit code is 1 if a run failed or its output was
 * wrong.
 */
public final class ThroughputBenchmark {

    private static final Duration PAUSE_BETWEEN_RUNS = Duration.ofSeconds(2);

    private final BenchmarkOptions options;
    private final String bootstrapServers;
    private final KafkaTools kafka;
    private final CpuMeter cpu;
    private final String runId;
    private int runIndex;

    private ThroughputBenchmark(BenchmarkOptions options, BrokerProcess broker, KafkaTools kafka, String runId) {
        this.options = options;
        this.bootstrapServers = broker.bootstrapServers();
        this.kafka = kafka;
        this.cpu = new CpuMeter(broker.pid());
        this.runId = runId;
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        int exitCode;
        try {
            exitCode = run(options);
        } catch (RuntimeException | AssertionError e) {
            LoggerFactory.getLogger(ThroughputBenchmark.class).error("The benchmark failed", e);
            exitCode = 1;
        }
        System.out.flush();
        // Kafka and RocksDB leave no non-daemon threads once closed, but a failed run might.
        System.exit(exitCode);
    }

    private static int run(BenchmarkOptions options) {
        Path outputDir = options.output.toAbsolutePath().getParent();
        Directories.create(outputDir);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        log("Weir throughput benchmark: %,d records, %d keys, %d-byte values, %d partitions; workloads %s",
                options.records, options.keys, options.valueBytes, options.partitions, options.workloads);
        BrokerProcess broker;
        if (options.bootstrapServers != null) {
            broker = BrokerProcess.external(options.bootstrapServers);
        } else {
            log("starting the broker in a child JVM (log: %s)", outputDir.resolve("broker.log"));
            broker = BrokerProcess.startChild(options.brokerHeap, outputDir.resolve("broker.log"));
        }
        try (broker; KafkaTools kafka = new KafkaTools(broker.bootstrapServers())) {
            log("broker: %s", broker.describe());
            ThroughputBenchmark benchmark = new ThroughputBenchmark(options, broker, kafka, runId);
            InputData input = InputData.load(kafka, broker.bootstrapServers(), "bench-" + runId + "-input",
                    options.records, options);
            log("loaded %,d records into %s in %.1f s (%,.0f records/s); most records of one key: %d",
                    input.records, input.topic, input.loadSeconds, input.records / input.loadSeconds,
                    input.maxRecordsPerKey());
            List<RunResult> results = benchmark.runAll(input);
            String report = Report.markdown(options, input, broker, results);
            System.out.println();
            System.out.println(report);
            Files.writeString(options.output, report, StandardCharsets.UTF_8);
            log("wrote %s", options.output.toAbsolutePath());
            kafka.deleteTopics(Set.of(input.topic), null);
            return results.stream().allMatch(RunResult::ok) ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every configuration, in the order the options list them. */
    private List<Configuration> configurations() {
        List<Configuration> configurations = new ArrayList<>();
        for (Workload workload : options.workloads) {
            if (workload == Workload.BARE) {
                configurations.add(new Configuration(workload, ProcessingGuarantee.EXACTLY_ONCE, 1));
            } else if (workload == Workload.BARE_ALOS) {
                configurations.add(new Configuration(workload, ProcessingGuarantee.AT_LEAST_ONCE, 1));
            } else {
                for (ProcessingGuarantee guarantee : options.guarantees) {
                    for (int workers : options.workers) {
                        configurations.add(new Configuration(workload, guarantee, workers));
                    }
                }
            }
        }
        return configurations;
    }

    /**
     * Runs every configuration once per round: first the warm-up rounds (JIT and heap sizing of
     * this JVM and the broker's, the page cache), which are not reported, then the measured ones.
     * Interleaving the configurations, rather than repeating each in a row, spreads any drift of
     * the machine over all of them.
     */
    private List<RunResult> runAll(InputData input) {
        List<Configuration> configurations = configurations();
        List<RunResult> results = new ArrayList<>();
        for (int round = 1 - options.warmupRounds; round <= options.rounds; round++) {
            if (round <= 0) {
                log("warm-up round %d of %d (not reported)", round + options.warmupRounds, options.warmupRounds);
            } else {
                log("round %d of %d", round, options.rounds);
            }
            for (Configuration configuration : configurations) {
                RunResult result = configuration.workload().isWeir()
                        ? runWeir(configuration, input, round)
                        : runBare(configuration, input, round);
                if (round > 0) {
                    results.add(result);
                }
            }
        }
        return results;
    }

    private RunResult runBare(Configuration configuration, InputData input, int round) {
        boolean transactional = configuration.workload() == Workload.BARE;
        String group = nextName(configuration.name());
        String output = group + "-out";
        kafka.createTopic(output, input.partitions);
        pauseBetweenRuns();
        BareLoop loop = new BareLoop(bootstrapServers, input.topic, output, group, transactional,
                transactional ? Duration.ofMillis(100) : Duration.ofSeconds(1));
        Thread thread = new Thread(loop, "bare-loop-" + group);
        log("run %s: %s", group, transactional ? "transactional consume-produce loop, commit every 100 ms"
                : "idempotent consume-produce loop, flush + commitSync every 1 s");
        long start = System.nanoTime();
        thread.start();
        ProgressWatcher.Progress progress = ProgressWatcher.await(kafka, cpu, group, input, start, options.timeout,
                loop::assigned, () -> loop.failure() == null ? null : "the loop failed: " + loop.failure());
        loop.requestStop();
        join(thread);
        return finish(configuration, round, group, output, input, progress, 0, null);
    }

    private RunResult runWeir(Configuration configuration, InputData input, int round) {
        Workload workload = configuration.workload();
        ProcessingGuarantee guarantee = configuration.guarantee();
        int workers = configuration.workers();
        String app = nextName(configuration.name());
        String output = app + "-out";
        kafka.createTopic(output, input.partitions);
        Path stateDir = Directories.createTemp("weir-bench-state-");
        pauseBetweenRuns();
        WeirConfig.Builder config = WeirConfig.custom()
                .applicationId(app)
                .bootstrapServers(bootstrapServers)
                .stateDir(stateDir)
                .workers(workers)
                .processingGuarantee(guarantee);
        if (options.checkpointInterval != null) {
            config.checkpointInterval(options.checkpointInterval);
        }
        WeirRuntime runtime = new WeirRuntime(BenchmarkPipelines.of(workload, input.topic, output), config.build());
        log("run %s: Weir %s, %s, %d worker(s)", app, workload.label(), guarantee.propertyValue(), workers);
        ProgressWatcher.Progress progress;
        long deadLettered;
        long start = System.nanoTime();
        try {
            runtime.start();
            progress = ProgressWatcher.await(kafka, cpu, app, input, start, options.timeout,
                    () -> !runtime.activeTasks().isEmpty(),
                    () -> runtime.state() == WeirRuntime.State.FAILED ? "every worker failed" : null);
            deadLettered = runtime.deadLetteredRecords();
        } finally {
            runtime.close(Duration.ofSeconds(60));
        }
        try {
            return finish(configuration, round, app, output, input, progress, deadLettered, app + "-");
        } finally {
            Directories.deleteRecursively(stateDir);
        }
    }

    private RunResult finish(Configuration configuration, int round, String group, String output, InputData input,
                             ProgressWatcher.Progress progress, long deadLettered, String internalTopicPrefix) {
        OutputVerifier.Verdict verdict = null;
        if (options.verify && progress.failure == null) {
            verdict = configuration.workload() == Workload.WINDOW_COUNT
                    ? WindowCountVerifier.verify(bootstrapServers, output, input)
                    : OutputVerifier.verify(bootstrapServers, output, input.partitions, input,
                            configuration.workload() == Workload.COUNT);
        }
        RunResult result = new RunResult(configuration, round, input.records, progress, verdict, deadLettered);
        if (result.completed()) {
            log("  %s: %,d records in %.2f s = %,.0f records/s (start-up %.2f s, total %.2f s; cores used: "
                            + "this process %s, broker %s, other %s)%s", group,
                    result.measuredRecords(), result.measuredSeconds(), result.recordsPerSecond(),
                    result.startupSeconds(), result.totalSeconds(), Report.cores(result, u -> u.self()),
                    Report.cores(result, u -> u.broker()), Report.cores(result, u -> u.other()),
                    verdict == null ? "" : "; output " + verdict.summary());
        } else {
            log("  %s FAILED: %s", group, progress.failure);
        }
        try {
            kafka.deleteTopics(Set.of(output), internalTopicPrefix);
            kafka.deleteGroup(group);
        } catch (RuntimeException e) {
            log("  could not clean up after %s: %s", group, e);
        }
        return result;
    }

    private String nextName(String what) {
        runIndex++;
        return "bench-" + runId + "-" + runIndex + "-" + what;
    }

    private void pauseBetweenRuns() {
        // Let the broker finish deleting the last run's topics, and this JVM collect its garbage.
        System.gc();
        KafkaTools.sleep(PAUSE_BETWEEN_RUNS.toMillis());
        cpu.awaitQuiet(options.quietTimeout);
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " [bench] "
                + String.format(Locale.ROOT, format, args));
        System.err.flush();
    }

    static String kafkaVersion() {
        return AppInfoParser.getVersion();
    }

    static String jvmDescription() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

}
