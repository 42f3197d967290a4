package dev.weir.benchmarks.workloads;

import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The workloads of the comparison benchmark (see the shared benchmark contract), each with its
 * input, the check of its output and the due time of an output record for latency.
 */
public enum ComparedWorkload {

    /** The keyed input, unchanged: same key, value and timestamp. */
    PASSTHROUGH("passthrough", InputKind.KEYED, false),
    /** Count per key in tumbling 10 s event-time windows: {@code key → <windowStart>:<count>}. */
    WINDOW_COUNT("window-count", InputKind.KEYED, true),
    /** The small-then-large and velocity rules per account: {@code account → <rule>:<transactionId>}. */
    FRAUD("fraud", InputKind.TRANSACTIONS, false),
    /** Nexmark query 5, hot items: per sliding 10 s / 2 s window, the auctions with the most bids. */
    NEXMARK_Q5("nexmark-q5", InputKind.NEXMARK, true),
    /** Nexmark query 7, highest bid: per tumbling 10 s window, the bids with the highest price. */
    NEXMARK_Q7("nexmark-q7", InputKind.NEXMARK, true);

    /** Size of every window, in milliseconds. */
    public static final long WINDOW_MILLIS = ReferenceOutputs.WINDOW;
    /** Slide of query 5's windows, in milliseconds. */
    public static final long SLIDE_MILLIS = ReferenceOutputs.SLIDE;
    /** Out-of-orderness bound (grace) of every windowed workload, in milliseconds. */
    public static final long OUT_OF_ORDERNESS_MILLIS = ReferenceOutputs.OUT_OF_ORDERNESS;

    private final String label;
    private final InputKind input;
    private final boolean windowed;

    ComparedWorkload(String label, InputKind input, boolean windowed) {
        this.label = label;
        this.input = input;
        this.windowed = windowed;
    }

    /** The workload's name in program arguments and reports, such as {@code nexmark-q5}. */
    public String label() {
        return label;
    }

    /** The input it reads. */
    public InputKind input() {
        return input;
    }

    /** Whether its output is per event-time window, emitted once the window is final. */
    public boolean windowed() {
        return windowed;
    }

    /**
     * Compares the output with what this workload must produce from the input, as multisets.
     * Passthrough and fraud records must also carry the timestamp of the input record that
     * produced them. For windowed workloads, a window whose end lies at least the out-of-orderness
     * bound before the least of the input partitions' highest timestamps must be complete; a later
     * one may be absent, but if any of its records is present, it must be complete and right.
     *
     * @param input the input records as read back, with partitions, offsets and timestamps
     * @param output the output records, read with {@code read_committed}
     */
    public Verdict verify(List<ConsumerRecord<String, String>> input, List<ConsumerRecord<String, String>> output) {
        switch (this) {
            case PASSTHROUGH:
                return ReferenceOutputs.passthrough(input).compare(output, ComparedWorkload::timed, r -> ReferenceOutputs.WHOLE);
            case FRAUD:
                return ReferenceOutputs.fraud(input).compare(output, ComparedWorkload::timed, r -> ReferenceOutputs.WHOLE);
            case WINDOW_COUNT:
                return ReferenceOutputs.windowCount(input).compare(output, ComparedWorkload::untimed,
                        ReferenceOutputs::windowCountUnit);
            case NEXMARK_Q5:
                return ReferenceOutputs.hotItems(input).compare(output, ComparedWorkload::untimed,
                        r -> Long.toString(ReferenceOutputs.windowStartOf(r.value())));
            default:
                return ReferenceOutputs.highestBids(input).compare(output, ComparedWorkload::untimed,
                        r -> Long.toString(ReferenceOutputs.windowStartOf(r.value())));
        }
    }

    /**
     * When the output record was due, for latency: its timestamp (the input record's) for
     * passthrough and fraud; the end of its window plus the out-of-orderness bound for windowed
     * workloads, the window start read from the head of the value.
     *
     * @throws IllegalArgumentException if a windowed output value does not start with a window start
     */
    public long dueTime(ConsumerRecord<String, String> output) {
        if (!windowed) {
            return output.timestamp();
        }
        try {
            return ReferenceOutputs.windowStartOf(output.value()) + WINDOW_MILLIS + OUT_OF_ORDERNESS_MILLIS;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a " + label + " output value: " + output.value(), e);
        }
    }

    /** The workload of a label, such as {@code window-count}. */
    public static ComparedWorkload parse(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (ComparedWorkload workload : values()) {
            if (workload.label.equals(wanted)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + label
                + "': passthrough, window-count, fraud, nexmark-q5 or nexmark-q7");
    }

    private static OutputRecord timed(ConsumerRecord<String, String> r) {
        return new OutputRecord(r.key(), r.value(), r.timestamp());
    }

    private static OutputRecord untimed(ConsumerRecord<String, String> r) {
        return new OutputRecord(r.key(), r.value(), null);
    }
}
