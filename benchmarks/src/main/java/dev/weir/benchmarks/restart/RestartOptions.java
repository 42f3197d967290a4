package dev.weir.benchmarks.restart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

    private RestartOptions(Map<String, String> values) {
        help = values.containsKey("help");
        keys = Integer.parseInt(get(values, "keys", "1000000").replace("_", ""));
        extraRecords = Integer.parseInt(get(values, "extra-records", "100000").replace("_", ""));
        rounds = Integer.parseInt(get(values, "rounds", "3"));
        afterRecords = Integer.parseInt(get(values, "after-records", "1000"));
        partitions = Integer.parseInt(get(values, "partitions", "6"));
        workers = Integer.parseInt(get(values, "workers", "1"));
        wipeState = Boolean.parseBoolean(get(values, "wipe-state", "false"));
        jfr = Boolean.parseBoolean(get(values, "jfr", "false"));
        instanceHeap = get(values, "instance-heap", "-Xms1g -Xmx1g");
        instanceJvmOptions = get(values, "instance-jvm-options", "");
        brokerHeap = get(values, "broker-heap", "-Xms2g -Xmx2g");
        String servers = get(values, "bootstrap-servers", "");
        bootstrapServers = servers.isBlank() ? null : servers;
        timeout = Duration.ofSeconds(Long.parseLong(get(values, "timeout-s", "300")));
        String out = get(values, "output", "");
        output = out.isBlank() ? targetDirectory().resolve("restart.md") : Paths.get(out);
        if (keys <= 0 || extraRecords < 0 || rounds <= 0 || afterRecords <= 0 || partitions <= 0 || workers <= 0) {
            throw new IllegalArgumentException("keys, rounds, after-records, partitions and workers must be positive, "
                    + "extra-records >= 0");
        }
    }

    static RestartOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : KNOWN) {
            String property = System.getProperty("bench." + name);
            if (property != null) {
                values.put(name, property);
            }
        }
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            if (a.isBlank()) {
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'" + System.lineSeparator() + USAGE);
            }
            values.put(name, eq < 0 ? "true" : a.substring(eq + 1));
        }
        return new RestartOptions(values);
    }

    /** {@code benchmarks/target}, whether run from the repository root or from {@code benchmarks/}. */
    static Path targetDirectory() {
        Path module = Files.isDirectory(Paths.get("benchmarks")) ? Paths.get("benchmarks") : Paths.get(".");
        return module.resolve("target");
    }

    private static String get(Map<String, String> values, String name, String fallback) {
        String v = values.get(name);
        return v == null ? fallback : v.trim();
    }
}
