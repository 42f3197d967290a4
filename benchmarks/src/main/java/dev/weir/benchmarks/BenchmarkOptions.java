package dev.weir.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private BenchmarkOptions(NamedArguments values) {
        help = values.has("help");
        records = values.getLong("records", 2_000_000);
        rounds = (int) values.getLong("rounds", 3);
        warmupRounds = (int) values.getLong("warmup-rounds", 1);
        workloads = new ArrayList<>();
        for (String name : values.list("workloads", "bare,bare-alos,passthrough,count,window-count")) {
            workloads.add(Workload.parse(name));
        }
        guarantees = new ArrayList<>();
        for (String name : values.list("guarantees", "exactly-once,at-least-once")) {
            guarantees.add(guarantee(name));
        }
        workers = new ArrayList<>();
        for (String n : values.list("workers", "1,2")) {
            workers.add(Integer.parseInt(n));
        }
        keys = (int) values.getLong("keys", 10_000);
        valueBytes = (int) values.getLong("value-bytes", 50);
        partitions = (int) values.getLong("partitions", 6);
        String interval = values.get("checkpoint-interval-ms", "");
        checkpointInterval = interval.isBlank() ? null : Duration.ofMillis(Long.parseLong(interval));
        timeout = Duration.ofSeconds(values.getLong("timeout-s", 600));
        quietTimeout = Duration.ofSeconds(values.getLong("quiet-timeout-s", 300));
        verify = Boolean.parseBoolean(values.get("verify", "true"));
        String servers = values.get("bootstrap-servers", "");
        bootstrapServers = servers.isBlank() ? null : servers;
        brokerHeap = values.get("broker-heap", "-Xms2g -Xmx2g");
        String out = values.get("output", "");
        output = out.isBlank() ? defaultOutput() : Paths.get(out);
        if (records <= 0 || rounds <= 0 || warmupRounds < 0 || keys <= 0 || valueBytes < 0 || partitions <= 0) {
            throw new IllegalArgumentException(
                    "records, rounds, keys and partitions must be positive, warmup-rounds and value-bytes >= 0");
        }
    }

    static BenchmarkOptions parse(String[] args) {
        return new BenchmarkOptions(NamedArguments.parse(args, KNOWN, "bench.", USAGE));
    }

    /** Whether any Weir workload (as opposed to a bare loop) is to run. */
    boolean anyWeir() {
        return workloads.stream().anyMatch(Workload::isWeir);
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
