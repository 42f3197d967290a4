package dev.weir.benchmarks.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.weir.benchmarks.BrokerProcess;
import dev.weir.benchmarks.KafkaTools;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;

/**
 * How long a Weir instance killed with {@code SIGKILL} takes to process again when it is restarted
 * on the same machine, with its local state, as a crash-looping pod or a supervisor would restart it.
 *
 * <p>Starts a single-node Kafka in a child JVM and loads an input in which each of {@code keys}
 * keys appears once (plus {@code extra-records} more). Runs a {@link RestartInstance} (exactly-once
 * running count per key in RocksDB) in a child JVM until every input record is processed and
 * committed, so that the state holds every key. Then, {@code rounds} times: kills the instance with
 * {@code SIGKILL}, starts a new JVM with the same state directory and application id, feeds
 * {@code after-records} new records, and times each phase of the way back — JVM start, runtime
 * started, group joined, partitions assigned, state reopened and changelog tail replayed, tasks
 * active, first record processed, first output committed (seen by a read_committed consumer) —
 * from the new process's start and from the kill. Prints a Markdown table and writes it to
 * {@code benchmarks/target/restart.md}; the instances' logs are in {@code benchmarks/target/restart/}.
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks package -DskipTests &amp;&amp; java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' \
 *     dev.weir.benchmarks.restart.RestartBenchmark keys=1000000 rounds=3
 * </pre>
 *
 * Not a test: nothing here asserts a time. The exit code is 1 if a round failed.
 */
public final class RestartBenchmark {

    private final RestartOptions options;
    private final String bootstrapServers;
    private final KafkaTools kafka;
    private final Path workDirectory;
    private final String input;
    private final String output;
    private final String applicationId;
    private final Path stateDir;

    private RestartBenchmark(RestartOptions options, String bootstrapServers, KafkaTools kafka, Path workDirectory,
                             String runId) {
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.kafka = kafka;
        this.workDirectory = workDirectory;
        this.applicationId = "restart-" + runId;
        this.input = applicationId + "-in";
        this.output = applicationId + "-out";
        this.stateDir = workDirectory.resolve("state-" + runId);
    }

    public static void main(String[] args) {
        RestartOptions options;
        try {
            options = RestartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(RestartOptions.USAGE);
            return;
        }
        int exitCode;
        try {
            exitCode = run(options);
        } catch (RuntimeException | AssertionError e) {
            LoggerFactory.getLogger(RestartBenchmark.class).error("The benchmark failed", e);
            exitCode = 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static int run(RestartOptions options) {
        Path work = RestartOptions.targetDirectory().resolve("restart").toAbsolutePath();
        createDirectories(work);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        BrokerProcess broker;
        if (options.bootstrapServers != null) {
            broker = BrokerProcess.external(options.bootstrapServers);
        } else {
            log("starting the broker in a child JVM (log: %s)", work.resolve("broker.log"));
            broker = BrokerProcess.startChild(options.brokerHeap, work.resolve("broker.log"));
        }
        try (broker; KafkaTools kafka = new KafkaTools(broker.bootstrapServers())) {
            log("broker: %s", broker.describe());
            RestartBenchmark benchmark = new RestartBenchmark(options, broker.bootstrapServers(), kafka, work, runId);
            List<RoundResult> rounds = benchmark.runRounds();
            String setup = String.format(Locale.ROOT, "Input: %,d distinct keys once each plus %,d more records, "
                            + "%d partitions; exactly-once running count in ValueState (RocksDB), %d worker(s); "
                            + "%,d records fed after each kill; %s; instance JVM %s %s%s; %d cores; Java %s.",
                    options.keys, options.extraRecords, options.partitions, options.workers, options.afterRecords,
                    options.wipeState ? "state directory deleted after each kill (full changelog restore)"
                            : "state directory kept (local state reuse)",
                    options.instanceHeap, options.instanceJvmOptions, options.jfr ? " with JFR (settings=profile)" : "",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"));
            String report = RestartReport.markdown(options, setup, rounds);
            System.out.println();
            System.out.println(report);
            createDirectories(options.output.toAbsolutePath().getParent());
            Files.writeString(options.output, report, StandardCharsets.UTF_8);
            log("wrote %s", options.output.toAbsolutePath());
            benchmark.cleanUp();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RoundResult> runRounds() {
        kafka.createTopic(input, options.partitions);
        kafka.createTopic(output, options.partitions);
        List<RoundResult> results = new ArrayList<>();
        try (KeyedInput writer = new KeyedInput(bootstrapServers, input, options.keys)) {
            long loadStart = System.nanoTime();
            writer.writeAllKeysThen(options.extraRecords);
            log("loaded %,d keys and %,d more records into %s in %.1f s", options.keys, options.extraRecords, input,
                    (System.nanoTime() - loadStart) / 1e9);
            InstanceProcess instance = startInstance(0);
            try {
                long processStart = System.nanoTime();
                awaitAllCommitted(instance);
                log("the first instance (pid %d) processed and committed the input in %.1f s: every key is in its state",
                        instance.pid(), (System.nanoTime() - processStart) / 1e9);
                for (int round = 1; round <= options.rounds; round++) {
                    instance.dumpRecording();
                    Map<TopicPartition, Long> outputEnd = kafka.endOffsets(output, options.partitions);
                    try (CommittedOutputWatcher watcher = new CommittedOutputWatcher(bootstrapServers, outputEnd)) {
                        long killMillis = System.currentTimeMillis();
                        instance.kill();
                        log("round %d: killed pid %d with SIGKILL", round, instance.pid());
                        if (options.wipeState) {
                            deleteRecursively(stateDir.resolve(applicationId).resolve("tasks"));
                        }
                        instance = startInstance(round);
                        writer.writeRandom(options.afterRecords);
                        awaitAllCommitted(instance);
                        instance.awaitPhase(Phase.FIRST_RECORD_PROCESSED, options.timeout);
                        long firstOutput = awaitFirstOutput(watcher);
                        StartupTimeline timeline = StartupTimeline.read(instance.logFile());
                        if (firstOutput != 0) {
                            timeline.put(Phase.FIRST_OUTPUT_COMMITTED, firstOutput);
                        }
                        RoundResult result = new RoundResult(round, killMillis, instance.startMillis(), timeline,
                                restoredRecords(instance.logFile()));
                        results.add(result);
                        log("round %d: pid %d processing again %d ms after the kill (first output committed), "
                                        + "%d ms after its start; %s", round, instance.pid(),
                                result.sinceKill(Phase.FIRST_OUTPUT_COMMITTED).orElse(-1),
                                result.sinceStart(Phase.FIRST_OUTPUT_COMMITTED).orElse(-1), timeline.restorePath());
                    }
                }
                instance.dumpRecording();
            } finally {
                instance.close();
            }
        }
        return results;
    }

    private InstanceProcess startInstance(int round) {
        Path log = workDirectory.resolve(applicationId + "-instance-" + round + ".log");
        Path jfr = options.jfr && round > 0 ? workDirectory.resolve(applicationId + "-round-" + round + ".jfr") : null;
        InstanceProcess instance = InstanceProcess.start(options.instanceHeap + " " + options.instanceJvmOptions, bootstrapServers, applicationId, input,
                output, stateDir, options.partitions, options.workers, log, jfr);
        log("started instance pid %d (log %s%s)", instance.pid(), log, jfr == null ? "" : ", JFR " + jfr);
        return instance;
    }

    /** Waits until the instance's group has committed the input's end offset on every partition. */
    private void awaitAllCommitted(InstanceProcess instance) {
        Map<TopicPartition, Long> end = kafka.endOffsets(input, options.partitions);
        long deadline = System.nanoTime() + options.timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = kafka.committedOffsets(applicationId);
            if (end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("instance pid " + instance.pid() + " committed " + committed
                        + " of " + end + " within " + options.timeout + "; see " + instance.logFile());
            }
            KafkaTools.sleep(100);
        }
    }

    /**
     * When the watcher read the first committed output. Every output is committed by now, but the
     * watcher's own fetches may trail behind on a busy machine.
     */
    private long awaitFirstOutput(CommittedOutputWatcher watcher) {
        long deadline = System.nanoTime() + options.timeout.toNanos();
        while (watcher.firstRecordMillis() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the output watcher read no committed record within " + options.timeout);
            }
            KafkaTools.sleep(10);
        }
        return watcher.firstRecordMillis();
    }

    /** The {@code weir.restore.records} meter, as the instance printed it with its tasks-active phase. */
    private static long restoredRecords(Path logFile) {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            return lines.map(PhaseLine::parse).flatMap(java.util.Optional::stream)
                    .filter(p -> p.phase() == Phase.TASKS_ACTIVE && p.detail().startsWith("restored="))
                    .mapToLong(p -> Long.parseLong(p.detail().substring("restored=".length())))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cleanUp() {
        try {
            kafka.deleteTopics(java.util.Set.of(input, output), applicationId + "-");
            kafka.deleteGroup(applicationId);
        } catch (RuntimeException e) {
            log("could not clean up the topics of %s: %s", applicationId, e);
        }
        deleteRecursively(stateDir);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    static void log(String format, Object... args) {
        System.err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " [restart-bench] "
                + String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
