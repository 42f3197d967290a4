package dev.weir.benchmarks.flink;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.apache.flink.streaming.api.datastream.DataStream;

import dev.weir.benchmarks.flink.workloads.FraudDetection;
import dev.weir.benchmarks.flink.workloads.HighestBid;
import dev.weir.benchmarks.flink.workloads.HotItems;
import dev.weir.benchmarks.flink.workloads.WindowCount;

/** The benchmark workloads, each as the part of the job between the Kafka source and the Kafka sink. */
public enum Workload {

    /** Every record unchanged. */
    PASSTHROUGH("passthrough", false, input -> input),
    /** Count per key in tumbling 10 s event-time windows. */
    WINDOW_COUNT("window-count", true, WindowCount::apply),
    /** The small-then-large and velocity rules per account. */
    FRAUD("fraud", false, FraudDetection::apply),
    /** Nexmark q5: the auctions with the most bids in each sliding window of 10 s every 2 s. */
    NEXMARK_Q5("nexmark-q5", true, HotItems::apply),
    /** Nexmark q7: the highest bids in each tumbling 10 s window. */
    NEXMARK_Q7("nexmark-q7", true, HighestBid::apply);

    private final String label;
    private final boolean windowed;
    private final UnaryOperator<DataStream<KafkaText>> transformation;

    Workload(String label, boolean windowed, UnaryOperator<DataStream<KafkaText>> transformation) {
        this.label = label;
        this.windowed = windowed;
        this.transformation = transformation;
    }

    /**
     * The workload's name in the {@code workload=} argument.
     *
     * @return e.g. {@code nexmark-q5}
     */
    public String label() {
        return label;
    }

    /**
     * Whether the output depends on the watermark (event-time windows).
     *
     * @return {@code true} for window-count, nexmark-q5 and nexmark-q7
     */
    public boolean isWindowed() {
        return windowed;
    }

    /**
     * Adds the workload's operators to the job.
     *
     * @param input the records from the input topic, with the record timestamps and watermarks
     * @return the records for the output topic
     */
    public DataStream<KafkaText> apply(DataStream<KafkaText> input) {
        return transformation.apply(input);
    }

    /**
     * Finds a workload by its label.
     *
     * @param label e.g. {@code window-count}
     * @return the workload
     * @throws IllegalArgumentException if no workload has that label
     */
    public static Workload parse(String label) {
        return Arrays.stream(values())
                .filter(w -> w.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + label + "', expected one of "
                        + Arrays.stream(values()).map(Workload::label).toList()));
    }
}
