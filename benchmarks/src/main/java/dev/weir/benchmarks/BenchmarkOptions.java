package dev.weir.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.weir.config.ProcessingGuarantee;

/**
 * What to measure. Every option is read from a program argument {@code name=value} (or
 * {@code --name=value}) and, failing that, from the system property {@code bench.name}.
 */
final class BenchmarkOptions {

    static final String USAGE = String.join(System.lineSeparator(),
            "Options (program argument name=value, or system property bench.name):",
            "  records=2000000            records pre-loaded into the input topic",
            "  workloads=bare,bare-alos,passthrough,count,window-count",
            "                             bare: transactional consume-produce loop (the baseline)",
            "                             bare-alos: plain consume-produce loop, commitSync every second",
            "                             passthrough: Weir source -> map(identity) -> sink",
            "                             count: Weir running count per key in ValueState<Long>",
            "  guarantees=exactly-once,at-least-once   for the Weir workloads",
            "  workers=1,2                weir.workers for the Weir workloads",
            "  rounds=3                   measured rounds; each runs every configuration once, in the order given;",
            "                             the table shows the median round of each configuration",
            "  warmup-rounds=1            rounds run first and not reported (JIT and heap of both JVMs, page cache)",
            "  keys=10000                 distinct record keys",
            "  value-bytes=50             bytes of each String value",
            "  partitions=6               partitions of the input and output topics",
            "  checkpoint-interval-ms=    weir.checkpoint.interval (default: Weir's own)",
            "  timeout-s=600              give up on one run after this long",
            "  quiet-timeout-s=300        before each run, wait up to this long for other processes on the",
            "                             machine to use less than a quarter of a core",
            "  verify=true                read every output back (read_committed) and check it",
            "  bootstrap-servers=         use this broker instead of starting one in a child JVM",
            "  broker-heap=-Xms2g -Xmx2g  heap options of the broker's child JVM",
            "  output=                    Markdown file for the table (default benchmarks/target/throughput.md)");

    private static final Set<String> KNOWN = Set.of("records", "rounds", "warmup-rounds", "workloads", "guarantees",
            "workers", "keys", "value-bytes", "partitions", "checkpoint-interval-ms", "timeout-s", "quiet-timeout-s",
            "verify", "bootstrap-servers", "broker-heap", "output", "help");

    final long records;
    final int rounds;
    final int warmupRounds;
    final List<Workload> workloads;
    final List<ProcessingGuarantee> guarantees;
    final List<Integer> workers;
    final int keys;
    final int valueBytes;
    final int partitions;
    final Duration checkpointInterval;
    final Duration timeout;
    final Duration quietTimeout;
    final boolean verify;
    final String bootstrapServers;
    final String brokerHeap;
    final Path output;
    final boolean help;

    private BenchmarkOptions(Map<String, String> values) {
        help = values.containsKey("help");
        records = Long.parseLong(get(values, "records", "2000000").replace("_", ""));
        rounds = Integer.parseInt(get(values, "rounds", "3"));
        warmupRounds = Integer.parseInt(get(values, "warmup-rounds", "1"));
        workloads = new ArrayList<>();
        for (String name : list(get(values, "workloads", "bare,bare-alos,passthrough,count,window-count"))) {
            workloads.add(Workload.parse(name));
        }
        guarantees = new ArrayList<>();
        for (String name : list(get(values, "guarantees", "exactly-once,at-least-once"))) {
            guarantees.add(guarantee(name));
        }
        workers = new ArrayList<>();
        for (String n : list(get(values, "workers", "1,2"))) {
            workers.add(Integer.parseInt(n));
        }
        keys = Integer.parseInt(get(values, "keys", "10000"));
        valueBytes = Integer.parseInt(get(values, "value-bytes", "50"));
        partitions = Integer.parseInt(get(values, "partitions", "6"));
        String interval = get(values, "checkpoint-interval-ms", "");
        checkpointInterval = interval.isBlank() ? null : Duration.ofMillis(Long.parseLong(interval));
        timeout = Duration.ofSeconds(Long.parseLong(get(values, "timeout-s", "600")));
        quietTimeout = Duration.ofSeconds(Long.parseLong(get(values, "quiet-timeout-s", "300")));
        verify = Boolean.parseBoolean(get(values, "verify", "true"));
        String servers = get(values, "bootstrap-servers", "");
        bootstrapServers = servers.isBlank() ? null : servers;
        brokerHeap = get(values, "broker-heap", "-Xms2g -Xmx2g");
        String out = get(values, "output", "");
        output = out.isBlank() ? defaultOutput() : Paths.get(out);
        if (records <= 0 || rounds <= 0 || warmupRounds < 0 || keys <= 0 || valueBytes < 0 || partitions <= 0) {
            throw new IllegalArgumentException(
                    "records, rounds, keys and partitions must be positive, warmup-rounds and value-bytes >= 0");
        }
    }

    static BenchmarkOptions parse(String[] args) {
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
        return new BenchmarkOptions(values);
    }

    /** Whether any Weir workload (as opposed to a bare loop) is to run. */
    boolean anyWeir() {
        return workloads.stream().anyMatch(Workload::isWeir);
    }

    private static String get(Map<String, String> values, String name, String fallback) {
        String v = values.get(name);
        return v == null ? fallback : v.trim();
    }

    private static List<String> list(String value) {
        List<String> result = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }

    private static ProcessingGuarantee guarantee(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ProcessingGuarantee g : ProcessingGuarantee.values()) {
            if (g.propertyValue().equals(n) || g.name().equalsIgnoreCase(n)) {
                return g;
            }
        }
        if (n.equals("eos")) {
            return ProcessingGuarantee.EXACTLY_ONCE;
        }
        if (n.equals("alos")) {
            return ProcessingGuarantee.AT_LEAST_ONCE;
        }
        throw new IllegalArgumentException("unknown guarantee '" + name + "': exactly-once or at-least-once");
    }

    // Run from the repository root or from benchmarks/: the table lands in benchmarks/target.
    private static Path defaultOutput() {
        Path module = Files.isDirectory(Paths.get("benchmarks")) ? Paths.get("benchmarks") : Paths.get(".");
        return module.resolve("target").resolve("throughput.md");
    }
}
