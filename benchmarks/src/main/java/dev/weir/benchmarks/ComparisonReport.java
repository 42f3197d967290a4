package dev.weir.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.weir.benchmarks.workloads.ComparedWorkload;

/** The comparison's Markdown report: one row per system and workload, ratios, targets, the setting. */
final class ComparisonReport {

    static final double WINDOWED_VS_KAFKA_STREAMS_TARGET = 2.0;
    static final double WINDOWED_VS_BARE_TARGET = 0.85;
    static final double P99_TARGET_MILLIS = 250;

    private ComparisonReport() {
    }

    /**
     * The median throughput run of every system and workload (and bare loop and input), by
     * records/s among the runs that succeeded; a failed run stands in when none did.
     */
    static List<ComparisonResult> medians(List<ComparisonResult> results) {
        Map<String, List<ComparisonResult>> byLabel = new LinkedHashMap<>();
        results.forEach(r -> byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r));
        List<ComparisonResult> medians = new ArrayList<>();
        for (List<ComparisonResult> runs : byLabel.values()) {
            List<ComparisonResult> ok = runs.stream().filter(ComparisonResult::ok)
                    .sorted(Comparator.comparingDouble(r -> r.recordsPerSecond)).collect(Collectors.toList());
            medians.add(ok.isEmpty() ? runs.get(0) : ok.get((ok.size() - 1) / 2));
        }
        return medians;
    }

    static String markdown(ComparisonOptions options, BrokerProcess broker, List<ComparisonResult> results) {
        List<ComparisonResult> medians = medians(results);
        StringBuilder md = new StringBuilder();
        md.append("# Weir, Kafka Streams and Flink: exactly-once on one broker\n\n");
        md.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- machine: ").append(Report.machine()).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append("; every system's JVM: ")
                .append(options.runnerHeap).append(" -XX:+UseG1GC\n");
        md.append("- versions: Weir ").append(weirVersion()).append(", Kafka Streams and clients ")
                .append(ThroughputBenchmark.kafkaVersion()).append(", Flink ").append(flinkVersion(options))
                .append("; broker: Kafka ").append(ThroughputBenchmark.kafkaVersion()).append(" (KRaft, one node, ")
                .append(broker.describe()).append(")\n");
        md.append(String.format(Locale.ROOT, "- %,d records per input, %d partitions; parallelism %d; transactions "
                        + "and checkpoints every %d ms; %d throughput round(s), the median shown; latency at %.0f%% of "
                        + "each system's own peak, %d s measured after %d s of warm-up\n\n", options.records,
                options.partitions, options.parallelism, options.commitInterval.toMillis(), options.rounds,
                options.latencyShare * 100, options.latencyMeasured.toSeconds(), options.latencyWarmUp.toSeconds()));
        md.append("| workload | system | records/s | Weir ÷ this | p50 ms | p99 ms | latency at records/s "
                + "| CPU s | CPU µs/record | peak RSS MiB | output |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (ComparedWorkload workload : options.workloads) {
            Optional<ComparisonResult> weir = find(medians, r -> r.workload == workload
                    && r.system == SystemUnderTest.WEIR);
            List<ComparisonResult> rows = new ArrayList<>();
            medians.stream().filter(r -> r.workload == workload).forEach(rows::add);
            find(medians, r -> r.workload == null && r.input == workload.input()).ifPresent(rows::add);
            for (ComparisonResult r : rows) {
                md.append("| ").append(workload.label()).append(" | ").append(r.system.displayName()).append(" | ");
                if (r.failure != null) {
                    md.append("failed |  |  |  |  |  |  |  | ").append(oneLine(r.failure)).append(" |\n");
                    continue;
                }
                LatencyProbe.Result l = r.latency;
                md.append(String.format(Locale.ROOT, "%,.0f | %s | %s | %s | %s | %.1f | %.1f | %s | %s |\n",
                        r.recordsPerSecond,
                        r.system == SystemUnderTest.WEIR ? "" : ratio(weir.map(w -> w.recordsPerSecond), r),
                        l == null ? "" : millis(l.p50Millis()), l == null ? "" : millis(l.p99Millis())
                                + (l.failure() == null ? "" : " (" + oneLine(l.failure()) + ")"),
                        l == null ? "" : String.format(Locale.ROOT, "%,.0f", l.inputRate()),
                        r.cpuSeconds, r.cpuMicrosPerRecord(),
                        r.peakResidentBytes < 0 ? "?" : Long.toString(r.peakResidentBytes >> 20),
                        r.output == null ? "not checked" : r.output));
            }
        }
        md.append('\n');
        targets(md, medians);
        md.append("\nHow to read it: *records/s* is the rate on a pre-loaded input: the slope of the group's "
                + "committed input offsets from its first commit to their last change before the final one (start-up "
                + "and the wait for the final commit cut off), and for jobs with repartition topics at most the "
                + "records over the time until the last stage had consumed everything; *Weir ÷ this* is Weir's rate over "
                + "the row's (over the bare loop's: the share of the physical limit Weir reaches). *p50/p99* are "
                + "end-to-end latencies, from the broker's append time of the input (or, for a window, the moment "
                + "it was complete: its end plus the 1 s bound) to the moment a read_committed consumer sees the "
                + "output, while the input is written in real time at *latency at records/s*. *CPU s* is the "
                + "system's JVM's CPU time while it processed the pre-loaded input; *peak RSS* its VmHWM. *output* "
                + "is the check of the whole output against the input (a faster wrong answer is not a result).\n");
        md.append("\n## All throughput runs\n\n| system | workload | round | records/s | seconds | output |\n"
                + "| --- | --- | ---: | ---: | ---: | --- |\n");
        for (ComparisonResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |\n", r.system.displayName(),
                    r.workload == null ? ComparisonBenchmark.label(r.input) + " (copy)" : r.workload.label(), r.round,
                    r.failure == null ? String.format(Locale.ROOT, "%,.0f", r.recordsPerSecond) : "failed",
                    r.failure == null ? String.format(Locale.ROOT, "%.2f", r.seconds) : "",
                    r.failure != null ? oneLine(r.failure) : r.output));
        }
        return md.toString();
    }

    private static void targets(StringBuilder md, List<ComparisonResult> medians) {
        md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
        ComparedWorkload windowed = ComparedWorkload.WINDOW_COUNT;
        Optional<ComparisonResult> weir = find(medians, r -> r.workload == windowed && r.system == SystemUnderTest.WEIR);
        Optional<ComparisonResult> streams = find(medians, r -> r.workload == windowed
                && r.system == SystemUnderTest.KAFKA_STREAMS);
        Optional<ComparisonResult> bare = find(medians, r -> r.workload == null && r.input == windowed.input());
        target(md, "exactly-once windowed count ≥ 2.0× Kafka Streams", weir, streams, WINDOWED_VS_KAFKA_STREAMS_TARGET);
        target(md, "exactly-once windowed count ≥ 0.85× the bare transactional loop", weir, bare,
                WINDOWED_VS_BARE_TARGET);
        List<ComparisonResult> weirLatencies = medians.stream()
                .filter(r -> r.system == SystemUnderTest.WEIR && r.latency != null && r.latency.failure() == null)
                .collect(Collectors.toList());
        if (weirLatencies.isEmpty()) {
            md.append("| Weir p99 ≤ 250 ms at half of peak | not measured | — |\n");
        } else {
            ComparisonResult worst = weirLatencies.stream()
                    .max(Comparator.comparingDouble(r -> r.latency.p99Millis())).orElseThrow();
            md.append(String.format(Locale.ROOT, "| Weir p99 ≤ 250 ms at half of peak, every workload | worst: %s ms "
                            + "(%s) | %s |\n", millis(worst.latency.p99Millis()), worst.workload.label(),
                    worst.latency.p99Millis() <= P99_TARGET_MILLIS ? "yes" : "**no**"));
        }
        md.append("| restart after SIGKILL with 1M keys back to processing ≤ 2 s | see `RestartBenchmark` | — |\n");
    }

    private static void target(StringBuilder md, String what, Optional<ComparisonResult> weir,
                               Optional<ComparisonResult> other, double target) {
        if (weir.isEmpty() || other.isEmpty() || !weir.get().ok() || !other.get().ok()) {
            md.append("| ").append(what).append(" | not measured | — |\n");
            return;
        }
        double ratio = weir.get().recordsPerSecond / other.get().recordsPerSecond;
        md.append(String.format(Locale.ROOT, "| %s | %.2f× (%,.0f vs %,.0f records/s) | %s |\n", what, ratio,
                weir.get().recordsPerSecond, other.get().recordsPerSecond, ratio >= target ? "yes" : "**no**"));
    }

    private static Optional<ComparisonResult> find(List<ComparisonResult> results, Predicate<ComparisonResult> which) {
        return results.stream().filter(which).findFirst();
    }

    private static String ratio(Optional<Double> weirRate, ComparisonResult r) {
        if (weirRate.isEmpty() || weirRate.get().isNaN() || r.recordsPerSecond <= 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", weirRate.get() / r.recordsPerSecond);
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, "%.0f", millis);
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('|', '/');
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String weirVersion() {
        String version = ComparisonReport.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT (this checkout)";
    }

    /** Flink's version, from the name of its runtime jar in the Flink runner's class path. */
    static String flinkVersion(ComparisonOptions options) {
        Path lib = options.flinkModule.resolve("target").resolve("lib");
        if (!Files.isDirectory(lib)) {
            return "(not built)";
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "flink-runtime-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                return name.substring("flink-runtime-".length(), name.length() - ".jar".length());
            }
        } catch (IOException e) {
            return "(unknown)";
        }
        return "(unknown)";
    }
}
