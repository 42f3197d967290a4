package dev.weir.benchmarks;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import dev.weir.benchmarks.workloads.InputKind;

/** One system's throughput run on one workload (or the bare loop's on one input), and its latency probe. */
final class ComparisonResult {

    final SystemUnderTest system;
    /** The workload, or null for the bare loop, which runs per input. */
    final ComparedWorkload workload;
    final InputKind input;
    final int round;
    /** The steady rate where there was one, else records over the measured seconds; NaN when failed. */
    final double recordsPerSecond;
    /** From the runner's start of processing to the end of the input committed. */
    final double seconds;
    /** CPU seconds of the runner's JVM over those seconds. */
    final double cpuSeconds;
    final long records;
    /** VmHWM of the runner's JVM when the input was done; -1 unknown. */
    final long peakResidentBytes;
    /** The output check's one-line verdict, or null when not checked. */
    final String output;
    final boolean outputOk;
    /** Why the run failed, or null. */
    final String failure;
    /** Latency at a share of the peak, measured once per system and workload (the first round's result holds it). */
    LatencyProbe.Result latency;

    ComparisonResult(SystemUnderTest system, ComparedWorkload workload, InputKind input, int round,
                     double recordsPerSecond, double seconds, double cpuSeconds, long records, long peakResidentBytes,
                     String output, boolean outputOk, String failure) {
        this.system = system;
        this.workload = workload;
        this.input = input;
        this.round = round;
        this.recordsPerSecond = recordsPerSecond;
        this.seconds = seconds;
        this.cpuSeconds = cpuSeconds;
        this.records = records;
        this.peakResidentBytes = peakResidentBytes;
        this.output = output;
        this.outputOk = outputOk;
        this.failure = failure;
    }

    static ComparisonResult failed(SystemUnderTest system, ComparedWorkload workload, InputKind input, int round,
                                   String failure) {
        return new ComparisonResult(system, workload, input, round, Double.NaN, Double.NaN, Double.NaN, 0, -1, null,
                false, failure);
    }

    boolean ok() {
        return failure == null && outputOk;
    }

    /** CPU microseconds per input record. */
    double cpuMicrosPerRecord() {
        return records == 0 ? Double.NaN : cpuSeconds * 1e6 / records;
    }

    String label() {
        return system.label() + "/" + (workload == null ? ComparisonBenchmark.label(input) : workload.label());
    }
}
