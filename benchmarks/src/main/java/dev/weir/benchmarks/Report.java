package dev.weir.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The Markdown report: the machine, the input, one table row per run, how to read it. */
final class Report {

    private Report() {
    }

    static String markdown(BenchmarkOptions options, InputData input, BrokerProcess broker, List<RunResult> results) {
        Map<Configuration, List<RunResult>> byConfiguration = new LinkedHashMap<>();
        for (RunResult r : results) {
            byConfiguration.computeIfAbsent(r.configuration, c -> new ArrayList<>()).add(r);
        }
        double bareRate = byConfiguration.entrySet().stream()
                .filter(e -> e.getKey().workload() == Workload.BARE)
                .map(e -> median(e.getValue()))
                .filter(Optional::isPresent)
                .mapToDouble(r -> r.get().recordsPerSecond())
                .findFirst().orElse(Double.NaN);
        StringBuilder md = new StringBuilder();
        md.append("# Weir end-to-end throughput\n\n");
        md.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- JVM: ").append(ThroughputBenchmark.jvmDescription()).append('\n');
        md.append("- Kafka ").append(ThroughputBenchmark.kafkaVersion()).append("; broker: ")
                .append(broker.describe()).append(", heap ").append(options.brokerHeap).append('\n');
        md.append(String.format(Locale.ROOT, "- input: %,d records, %d distinct String keys (uniform), %d-byte String "
                        + "values, %d partitions, keyed by Kafka's default partitioner; loaded in %.1f s\n",
                input.records, input.keys.length, options.valueBytes, input.partitions, input.loadSeconds));
        md.append("- checkpoint interval: ").append(options.checkpointInterval == null
                ? "Weir's default (100 ms exactly-once, 1 s at-least-once)" : options.checkpointInterval.toMillis() + " ms")
                .append("; bare loops commit every 100 ms (transactional) / 1 s (at-least-once)\n");
        md.append(String.format(Locale.ROOT, "- %d measured round(s) after %d warm-up round(s); each round runs every "
                + "configuration once, from a fresh consumer group, output topic and state directory\n\n",
                options.rounds, options.warmupRounds));
        md.append("| workload | guarantee | workers | records | seconds | records/s | min–max records/s | vs bare "
                + "| steady records/s | start-up s | total s | cores: app | cores: broker | cores: other "
                + "| app CPU µs/record | output |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| --- |\n");
        for (Map.Entry<Configuration, List<RunResult>> e : byConfiguration.entrySet()) {
            Configuration c = e.getKey();
            List<RunResult> runs = e.getValue();
            md.append("| ").append(label(c.workload())).append(" | ").append(c.guarantee().propertyValue())
                    .append(" | ").append(c.workers());
            Optional<RunResult> median = median(runs);
            if (median.isPresent()) {
                RunResult r = median.get();
                DoubleSummaryStatistics rates = runs.stream().filter(RunResult::completed)
                        .mapToDouble(RunResult::recordsPerSecond).summaryStatistics();
                md.append(String.format(Locale.ROOT,
                        " | %,d | %.2f | %,.0f | %,.0f–%,.0f | %s | %s | %.2f | %.2f | %s | %s |",
                        r.measuredRecords(), r.measuredSeconds(), r.recordsPerSecond(), rates.getMin(), rates.getMax(),
                        ratio(r.recordsPerSecond(), bareRate), steady(r), r.startupSeconds(), r.totalSeconds(),
                        cpuColumns(r), outputs(runs)));
            } else {
                md.append(" |" + " — |".repeat(12) + " ").append(outputs(runs)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        md.append("How to read it: each row is the median of its rounds by records/s (*min–max* is the spread). "
                + "*records/s* = *records* / *seconds*, where *records* is the whole input and the window runs from "
                + "the moment the run first owned partitions (Weir: its first tasks were created; bare loop: its "
                + "consumer's first assignment) until the run's consumer-group offsets reached the input's end "
                + "offsets, i.e. until the output of every input record was committed (exactly-once: in the same "
                + "transaction as the offsets; at-least-once: offsets are committed after the output is "
                + "acknowledged). Start-up before the window (*start-up s*: provisioning topics, starting workers, "
                + "joining the group, opening state) is excluded; the last checkpoint interval, which the output "
                + "waits for before it is committed, is included — at-least-once commits only every second, so a "
                + "run that lasts a second or two is dominated by it. *total s* is from `start()` to the end. "
                + "*vs bare* is the ratio to the bare transactional consume-produce loop (one thread, bytes in and "
                + "out, no deserialization, Weir's client settings), the physical limit of this broker and machine. "
                + "*output* is the check of each run's output, read back with read_committed afterwards: every key "
                + "has exactly as many records as in the input (and, for the running count, a final count equal to "
                + "that number); at-least-once may repeat output after a rebalance, and the check counts it. "
                + "*steady records/s* is the slope of the committed input offsets from the first moment every "
                + "input partition had a committed offset to the last change before the final one: the "
                + "processing rate with start-up and the wait for the final commit cut off (— where that span "
                + "is under a second, as in at-least-once runs of two seconds). *cores* are CPU "
                + "seconds per wall-clock second during the window: *app* is the benchmark process (Weir, or the "
                + "bare loop; it also asks for the group's offsets every 10 ms), "
                + "*broker* the broker's child JVM, *other* the rest of the machine (from /proc/stat) — a run with "
                + "*other* well above 0 shared the machine with something else and is worth less. *app CPU "
                + "µs/record* is the benchmark process's CPU time in the window per record.\n");
        md.append("\n## All runs\n\n");
        md.append("| round | workload | guarantee | workers | records | seconds | records/s | steady records/s "
                + "| start-up s | total s | cores: app | cores: broker | cores: other | app CPU µs/record | output |\n");
        md.append("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| --- |\n");
        for (RunResult r : results) {
            md.append("| ").append(r.round).append(" | ").append(label(r.workload)).append(" | ").append(r.guarantee)
                    .append(" | ").append(r.workers);
            if (r.completed()) {
                md.append(String.format(Locale.ROOT, " | %,d | %.2f | %,.0f | %s | %.2f | %.2f | %s | %s |",
                        r.measuredRecords(), r.measuredSeconds(), r.recordsPerSecond(), steady(r), r.startupSeconds(),
                        r.totalSeconds(), cpuColumns(r), output(r)));
            } else {
                md.append(" |" + " — |".repeat(10) + " FAILED: ").append(r.progress.failure.replace('|', '/'))
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The completed run with the median records/s (the lower of the two middle ones for an even count). */
    private static Optional<RunResult> median(List<RunResult> runs) {
        List<RunResult> completed = new ArrayList<>();
        runs.stream().filter(RunResult::completed).forEach(completed::add);
        if (completed.isEmpty()) {
            return Optional.empty();
        }
        completed.sort(Comparator.comparingDouble(RunResult::recordsPerSecond));
        return Optional.of(completed.get((completed.size() - 1) / 2));
    }

    private static String ratio(double rate, double bareRate) {
        return Double.isNaN(bareRate) ? "—" : String.format(Locale.ROOT, "%.2f", rate / bareRate);
    }

    private static String outputs(List<RunResult> runs) {
        long ok = runs.stream().filter(RunResult::ok).count();
        if (ok == runs.size()) {
            long deadLettered = runs.stream().mapToLong(r -> r.deadLettered).sum();
            return "ok (" + ok + "/" + runs.size() + ")" + (deadLettered > 0 ? "; " + deadLettered + " dead-lettered" : "");
        }
        StringBuilder b = new StringBuilder().append(ok).append('/').append(runs.size()).append(" ok");
        for (RunResult r : runs) {
            if (!r.ok()) {
                b.append("; round ").append(r.round).append(": ")
                        .append(r.completed() ? output(r) : "FAILED: " + r.progress.failure);
            }
        }
        return b.toString().replace('|', '/');
    }

    /** One of the run's CPU figures, in cores, or "?" where unknown. */
    static String cores(RunResult r, ToDoubleFunction<CpuMeter.Usage> which) {
        if (r.progress.cpu == null) {
            return "?";
        }
        double v = which.applyAsDouble(r.progress.cpu);
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Microseconds of this process's CPU per record in the window. */
    static String microsPerRecord(RunResult r) {
        if (r.progress.cpu == null || Double.isNaN(r.progress.cpu.selfCpuSeconds()) || r.measuredRecords() <= 0) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.1f", r.progress.cpu.selfCpuSeconds() * 1e6 / r.measuredRecords());
    }

    private static String steady(RunResult r) {
        return Double.isNaN(r.progress.steadyRate) ? "—" : String.format(Locale.ROOT, "%,.0f", r.progress.steadyRate);
    }

    private static String cpuColumns(RunResult r) {
        return cores(r, u -> u.self()) + " | " + cores(r, u -> u.broker()) + " | " + cores(r, u -> u.other())
                + " | " + microsPerRecord(r);
    }

    private static String label(Workload workload) {
        switch (workload) {
            case BARE:
                return "bare loop (baseline)";
            case BARE_ALOS:
                return "bare loop";
            case PASSTHROUGH:
                return "pass-through";
            case COUNT:
                return "running count";
            default:
                return workload.label();
        }
    }

    private static String output(RunResult r) {
        String check = r.verdict == null ? "not checked" : r.verdict.summary();
        return r.deadLettered > 0 ? check + "; " + r.deadLettered + " dead-lettered" : check;
    }

    static String machine() {
        long memory = -1;
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            memory = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s %s, %d CPUs (%s), %s memory", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                cpuModel().orElse("unknown CPU"),
                memory > 0 ? String.format(Locale.ROOT, "%.1f GiB", memory / (1024.0 * 1024 * 1024)) : "unknown");
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
