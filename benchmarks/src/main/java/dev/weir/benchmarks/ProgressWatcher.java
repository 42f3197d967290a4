package dev.weir.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Watches a consumer group's committed offsets on the input topic until they reach the input's
 * end offsets. Under exactly-once the offsets commit in the same transaction as the output, and
 * at-least-once commits them only after the output is acknowledged, so the moment they reach the
 * end is the moment all the output is committed — exact, and cheap (one admin request per poll),
 * with no reading of the output and no counting around transaction markers.
 */
final class ProgressWatcher {

    /** How often the group's offsets are asked for: a bound on the error of the end time. */
    private static final long QUERY_NANOS = 10_000_000L;
    private static final long REPORT_NANOS = 5_000_000_000L;
    static final long MIN_STEADY_NANOS = 1_000_000_000L;

    private ProgressWatcher() {
    }

    /** Times, in nanoseconds since the run started, of what the watcher saw. */
    static final class Progress {
        /** When the runner first owned partitions (or -1 if never seen): the measured window starts here. */
        long assignedNanos = -1;
        /** When the committed offsets reached the end offsets everywhere (or -1: not reached). */
        long doneNanos = -1;
        /** Why the run ended early, or null. */
        String failure;
        /**
         * Records per second from the first moment every input partition had a committed offset
         * to the last change of the committed offsets before the final one: the processing rate
         * with the start and the wait for the last commit cut off, so not quantized by the
         * checkpoint interval. NaN when that span is shorter than {@link #MIN_STEADY_NANOS}
         * (several workers commit at different moments, so short spans mislead).
         */
        double steadyRate = Double.NaN;
        /** When the group first committed any input offset (nanoseconds since the run started; -1: never), and how many records then. */
        long firstCommitNanos = -1;
        long firstCommitRecords;
        /** The last change of the committed offsets before the final one (-1: none), and how many records then. */
        long lastChangeNanos = -1;
        long lastChangeRecords;
        /** Where the CPU went during the measured window (assignment to done), or null. */
        CpuMeter.Usage cpu;
    }

    private static Map<TopicPartition, Long> committedOffsets(KafkaTools kafka, String group) {
        try {
            return kafka.committedOffsets(group);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of(); // the group has not formed yet
            }
            throw e;
        }
    }

    /**
     * @param startNanos  {@link System#nanoTime()} when the runner was started
     * @param assigned    whether the runner owns partitions yet
     * @param failed      a description of the runner's failure, or null while it is healthy
     */
    static Progress await(KafkaTools kafka, CpuMeter cpu, String group, InputData input, long startNanos,
                          Duration timeout, BooleanSupplier assigned, Supplier<String> failed) {
        return await(kafka, cpu, group, input.endOffsets, startNanos, timeout, assigned, failed);
    }

    /**
     * @param endOffsets  the input's end offsets, which the group's committed offsets must reach
     * @param startNanos  {@link System#nanoTime()} when the runner was started
     * @param assigned    whether the runner owns partitions yet
     * @param failed      a description of the runner's failure, or null while it is healthy
     */
    static Progress await(KafkaTools kafka, CpuMeter cpu, String group, Map<TopicPartition, Long> endOffsets,
                          long startNanos, Duration timeout, BooleanSupplier assigned, Supplier<String> failed) {
        long records = endOffsets.values().stream().mapToLong(Long::longValue).sum();
        Progress progress = new Progress();
        CpuMeter.Sample windowStart = null;
        long deadline = startNanos + timeout.toNanos();
        long nextReport = startNanos + REPORT_NANOS;
        long lastQuery = 0;
        long sum = 0;
        long[] steadyStart = null; // {committed records, nanoTime}: every partition first had an offset
        long[] lastChange = null; // {committed records, nanoTime}: the last change of the committed offsets
        while (true) {
            long now = System.nanoTime();
            if (progress.assignedNanos < 0 && assigned.getAsBoolean()) {
                progress.assignedNanos = now - startNanos;
                windowStart = cpu.sample();
            }
            if (progress.assignedNanos >= 0 && now - lastQuery >= QUERY_NANOS) {
                lastQuery = now;
                Map<TopicPartition, Long> committed = committedOffsets(kafka, group);
                sum = 0;
                boolean done = true;
                boolean everyPartition = true;
                for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
                    Long c = committed.get(end.getKey());
                    if (c != null) {
                        sum += c;
                    } else {
                        everyPartition = false;
                    }
                    if (c == null || c < end.getValue()) {
                        done = false;
                    }
                }
                if (done) {
                    progress.doneNanos = now - startNanos;
                    if (steadyStart != null && lastChange != null
                            && lastChange[1] - steadyStart[1] >= MIN_STEADY_NANOS) {
                        progress.steadyRate = (lastChange[0] - steadyStart[0])
                                / ((lastChange[1] - steadyStart[1]) / 1e9);
                    }
                    progress.cpu = CpuMeter.between(windowStart, cpu.sample());
                    return progress;
                }
                if (progress.firstCommitNanos < 0 && sum > 0) {
                    progress.firstCommitNanos = now - startNanos;
                    progress.firstCommitRecords = sum;
                } else if (progress.firstCommitNanos >= 0 && sum != progress.lastChangeRecords
                        && sum != progress.firstCommitRecords) {
                    progress.lastChangeNanos = now - startNanos;
                    progress.lastChangeRecords = sum;
                }
                if (steadyStart == null && everyPartition) {
                    steadyStart = new long[] {sum, now};
                } else if (steadyStart != null && sum != steadyStart[0]
                        && (lastChange == null || sum != lastChange[0])) {
                    lastChange = new long[] {sum, now};
                }
            }
            if (now > nextReport) {
                nextReport += REPORT_NANOS;
                ThroughputBenchmark.log("  %s: %,d of %,d input records committed after %.1f s", group, sum,
                        records, (now - startNanos) / 1e9);
            }
            String failure = failed.get();
            if (failure != null) {
                progress.failure = failure;
                return progress;
            }
            if (now > deadline) {
                progress.failure = "timed out after " + timeout + " with " + sum + " of " + records
                        + " input records committed";
                return progress;
            }
            KafkaTools.sleep(progress.assignedNanos < 0 ? 1 : 2);
        }
    }
}
