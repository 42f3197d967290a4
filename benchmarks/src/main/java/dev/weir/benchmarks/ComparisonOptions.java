package dev.weir.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.weir.benchmarks.workloads.ComparedWorkload;

/** What {@link ComparisonBenchmark} measures; read with {@link NamedArguments} ({@code bench.} properties). */
final class ComparisonOptions {

    static final String USAGE = String.join(System.lineSeparator(),
            "Options (program argument name=value, or system property bench.name):",
            "  records=3000000            records pre-loaded into each input topic",
            "  systems=weir,kafka-streams,flink",
            "  workloads=passthrough,window-count,fraud,nexmark-q5,nexmark-q7",
            "  bare=true                  also run the bare transactional loop on each input (the limit)",
            "  rounds=1                   throughput runs of every system and workload; the table shows the median",
            "  latency=true               measure end-to-end latency at a share of each system's peak",
            "  latency-share=0.5          that share",
            "  latency-warmup-s=10        input written before latencies count",
            "  latency-s=30               input written while they count",
            "  partitions=6               of every input and output topic",
            "  parallelism=1              threads (Kafka Streams), workers (Weir), parallel instances (Flink)",
            "  commit-interval-ms=100     transaction commit / checkpoint interval of every system",
            "  runner-heap=-Xmx2g         heap options of every system's JVM",
            "  timeout-s=600              give up on one run after this long",
            "  quiet-timeout-s=120        before each run, wait up to this long for the machine to go quiet",
            "  bootstrap-servers=         use this broker instead of starting one in a child JVM",
            "  broker-heap=-Xms2g -Xmx2g  heap options of the broker's child JVM",
            "  flink-module=              the benchmarks-flink module directory (default: found beside benchmarks)",
            "  output-dir=                where comparison.md and comparison.png go (default benchmarks/target)");

    private static final Set<String> KNOWN = Set.of("records", "systems", "workloads", "bare", "rounds", "latency",
            "latency-share", "latency-warmup-s", "latency-s", "partitions", "parallelism", "commit-interval-ms",
            "runner-heap", "timeout-s", "quiet-timeout-s", "bootstrap-servers", "broker-heap", "flink-module",
            "output-dir", "help");

    final boolean help;
    final long records;
    final List<SystemUnderTest> systems = new ArrayList<>();
    final List<ComparedWorkload> workloads = new ArrayList<>();
    final boolean bare;
    final int rounds;
    final boolean latency;
    final double latencyShare;
    final Duration latencyWarmUp;
    final Duration latencyMeasured;
    final int partitions;
    final int parallelism;
    final Duration commitInterval;
    final String runnerHeap;
    final Duration timeout;
    final Duration quietTimeout;
    final String bootstrapServers;
    final String brokerHeap;
    final Path flinkModule;
    final Path outputDir;

    private ComparisonOptions(NamedArguments values) {
        help = values.has("help");
        records = values.getLong("records", 3_000_000);
        for (String name : values.list("systems", "weir,kafka-streams,flink")) {
            SystemUnderTest system = SystemUnderTest.parse(name);
            if (system == SystemUnderTest.BARE) {
                throw new IllegalArgumentException("the bare loop is not a system: use bare=true");
            }
            systems.add(system);
        }
        for (String name : values.list("workloads", "passthrough,window-count,fraud,nexmark-q5,nexmark-q7")) {
            workloads.add(ComparedWorkload.parse(name));
        }
        bare = Boolean.parseBoolean(values.get("bare", "true"));
        rounds = (int) values.getLong("rounds", 1);
        latency = Boolean.parseBoolean(values.get("latency", "true"));
        latencyShare = Double.parseDouble(values.get("latency-share", "0.5"));
        latencyWarmUp = Duration.ofSeconds(values.getLong("latency-warmup-s", 10));
        latencyMeasured = Duration.ofSeconds(values.getLong("latency-s", 30));
        partitions = (int) values.getLong("partitions", 6);
        parallelism = (int) values.getLong("parallelism", 1);
        commitInterval = Duration.ofMillis(values.getLong("commit-interval-ms", 100));
        runnerHeap = values.get("runner-heap", "-Xmx2g");
        timeout = Duration.ofSeconds(values.getLong("timeout-s", 600));
        quietTimeout = Duration.ofSeconds(values.getLong("quiet-timeout-s", 120));
        String servers = values.get("bootstrap-servers", "");
        bootstrapServers = servers.isBlank() ? null : servers;
        brokerHeap = values.get("broker-heap", "-Xms2g -Xmx2g");
        String flink = values.get("flink-module", "");
        flinkModule = flink.isBlank() ? besideBenchmarks("benchmarks-flink") : Paths.get(flink);
        String out = values.get("output-dir", "");
        outputDir = out.isBlank() ? besideBenchmarks("benchmarks").resolve("target") : Paths.get(out);
        if (records <= 0 || rounds <= 0 || partitions <= 0 || parallelism <= 0 || latencyShare <= 0
                || latencyMeasured.isZero() || systems.isEmpty() || workloads.isEmpty()) {
            throw new IllegalArgumentException("records, rounds, partitions, parallelism, latency-share and latency-s "
                    + "must be positive; systems and workloads must not be empty");
        }
    }

    static ComparisonOptions parse(String[] args) {
        return new ComparisonOptions(NamedArguments.parse(args, KNOWN, "bench.", USAGE));
    }

    // Run from the repository root or from benchmarks/ (where exec:exec runs).
    private static Path besideBenchmarks(String module) {
        Path fromRoot = Paths.get(module);
        if (Files.isDirectory(Paths.get("benchmarks"))) {
            return fromRoot.toAbsolutePath();
        }
        return Paths.get("..").resolve(module).toAbsolutePath().normalize();
    }
}
