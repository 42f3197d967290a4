package dev.weir.benchmarks.restart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Set;

import dev.weir.benchmarks.NamedArguments;

/**
 * What the restart benchmark measures. Every option is a program argument {@code name=value}
 * (or {@code --name=value}) or, failing that, the system property {@code bench.name}.
 */
final class RestartOptions {

    static final String USAGE = String.join(System.lineSeparator(),
            "Options (program argument name=value, or system property bench.name):",
            "  keys=1000000               distinct keys: the input holds each once, so the state holds them all",
            "  extra-records=100000       further input records with keys drawn (seeded) from the same keys",
            "  rounds=3                   kill-and-restart rounds; the table shows the median and the max",
            "  after-records=1000         records fed after each kill, for the restarted instance to process",
            "  partitions=6               partitions of the input and output topics (= tasks)",
            "  workers=1                  weir.workers of the instance",
            "  wipe-state=false           delete the state directory after each kill: a full changelog restore",
            "                             instead of local state reuse, for comparison",
            "  jfr=false                  record each restarted instance with JFR (settings=profile) into",
            "                             benchmarks/target/restart/round-<n>.jfr",
            "  instance-heap=-Xms1g -Xmx1g  heap options of the instance's JVM",
            "  instance-jvm-options=      further options of the instance's JVM, space-separated (e.g. a CDS archive)",
            "  broker-heap=-Xms2g -Xmx2g  heap options of the broker's JVM",
            "  bootstrap-servers=         use this broker instead of starting one in a child JVM",
            "  timeout-s=300              give up on a phase (load, restart) after this long",
            "  output=                    Markdown file for the table (default benchmarks/target/restart.md)");

    private static final Set<String> KNOWN = Set.of("keys", "extra-records", "rounds", "after-records", "partitions",
            "workers", "wipe-state", "jfr", "instance-heap", "instance-jvm-options", "broker-heap", "bootstrap-servers", "timeout-s",
            "output", "help");

    final int keys;
    final int extraRecords;
    final int rounds;
    final int afterRecords;
    final int partitions;
    final int workers;
    final boolean wipeState;
    final boolean jfr;
    final String instanceHeap;
    final String instanceJvmOptions;
    final String brokerHeap;
    final String bootstrapServers;
    final Duration timeout;
    final Path output;
    final boolean help;

    private RestartOptions(NamedArguments values) {
        help = values.has("help");
        keys = Integer.parseInt(values.get("keys", "1000000").replace("_", ""));
        extraRecords = Integer.parseInt(values.get("extra-records", "100000").replace("_", ""));
        rounds = Integer.parseInt(values.get("rounds", "3"));
        afterRecords = Integer.parseInt(values.get("after-records", "1000"));
        partitions = Integer.parseInt(values.get("partitions", "6"));
        workers = Integer.parseInt(values.get("workers", "1"));
        wipeState = Boolean.parseBoolean(values.get("wipe-state", "false"));
        jfr = Boolean.parseBoolean(values.get("jfr", "false"));
        instanceHeap = values.get("instance-heap", "-Xms1g -Xmx1g");
        instanceJvmOptions = values.get("instance-jvm-options", "");
        brokerHeap = values.get("broker-heap", "-Xms2g -Xmx2g");
        String servers = values.get("bootstrap-servers", "");
        bootstrapServers = servers.isBlank() ? null : servers;
        timeout = Duration.ofSeconds(Long.parseLong(values.get("timeout-s", "300")));
        String out = values.get("output", "");
        output = out.isBlank() ? targetDirectory().resolve("restart.md") : Paths.get(out);
        if (keys <= 0 || extraRecords < 0 || rounds <= 0 || afterRecords <= 0 || partitions <= 0 || workers <= 0) {
            throw new IllegalArgumentException("keys, rounds, after-records, partitions and workers must be positive, "
                    + "extra-records >= 0");
        }
    }

    static RestartOptions parse(String[] args) {
        return new RestartOptions(NamedArguments.parse(args, KNOWN, "bench.", USAGE));
    }

    /** {@code benchmarks/target}, whether run from the repository root or from {@code benchmarks/}. */
    static Path targetDirectory() {
        Path module = Files.isDirectory(Paths.get("benchmarks")) ? Paths.get("benchmarks") : Paths.get(".");
        return module.resolve("target");
    }
}
