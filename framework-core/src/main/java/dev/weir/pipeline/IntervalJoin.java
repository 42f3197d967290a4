package dev.weir.pipeline;

import java.time.Duration;
import java.util.Objects;

import dev.weir.functions.ProcessJoinFunction;
import dev.weir.internals.graph.IntervalJoinTransformation;
import dev.weir.internals.graph.KeyByTransformation;
import org.apache.kafka.common.serialization.Serde;

/**
 * An interval join of two keyed streams, as Flink's {@code intervalJoin}: a left element
 * {@code l} and a right element {@code r} of the same key match when
 * {@code l.timestamp + lower <= r.timestamp <= l.timestamp + upper}. Both streams must be
 * co-partitioned and in event time; each side's elements are kept in state until the watermark
 * passes the last time they could match. An element at or behind the watermark when it arrives
 * is late and goes to the application's late-data topic unless late data is dropped.
 *
 * @param <T1> the left element type
 * @param <T2> the right element type
 * @param <K> the key type
 */
public final class IntervalJoin<T1, T2, K> {

    private final PipelineBuilder builder;
    private final KeyByTransformation left;
    private final KeyByTransformation right;
    private Long lower;
    private Long upper;
    private boolean lowerExclusive;
    private boolean upperExclusive;
    private boolean dropLateData;

    IntervalJoin(PipelineBuilder builder, KeyByTransformation left, KeyByTransformation right) {
        this.builder = builder;
        this.left = left;
        this.right = right;
    }

    /**
     * Matches right elements from {@code lowerBound} to {@code upperBound} after the left element
     * (negative bounds reach before it); both bounds inclusive unless made exclusive.
     */
    public IntervalJoin<T1, T2, K> between(Duration lowerBound, Duration upperBound) {
        Objects.requireNonNull(lowerBound, "lowerBound");
        Objects.requireNonNull(upperBound, "upperBound");
        if (lowerBound.compareTo(upperBound) > 0) {
            throw new IllegalArgumentException("an interval join's lower bound " + lowerBound
                    + " must not exceed its upper bound " + upperBound);
        }
        this.lower = lowerBound.toMillis();
        this.upper = upperBound.toMillis();
        return this;
    }

    /** Excludes a right element exactly at the lower bound. */
    public IntervalJoin<T1, T2, K> lowerBoundExclusive() {
        this.lowerExclusive = true;
        return this;
    }

    /** Excludes a right element exactly at the upper bound. */
    public IntervalJoin<T1, T2, K> upperBoundExclusive() {
        this.upperExclusive = true;
        return this;
    }

    /** Drops late elements instead of writing them to the late-data topic. */
    public IntervalJoin<T1, T2, K> dropLateData() {
        this.dropLateData = true;
        return this;
    }

    /**
     * Hands every matched pair to {@code function}; give the result a {@code uid}, since the
     * join keeps both sides in state.
     *
     * @param leftSerde the serde of left elements in state
     * @param rightSerde the serde of right elements in state
     */
    public <R> DataStream<R> process(ProcessJoinFunction<T1, T2, R> function, Serde<T1> leftSerde, Serde<T2> rightSerde) {
        if (lower == null) {
            throw new IllegalStateException("an interval join needs its bounds: call between(lower, upper) first");
        }
        long inclusiveLower = lowerExclusive ? lower + 1 : lower;
        long inclusiveUpper = upperExclusive ? upper - 1 : upper;
        if (inclusiveLower > inclusiveUpper) {
            throw new IllegalArgumentException("the interval join's bounds [" + lower + ", " + upper + "] with "
                    + "exclusive ends match nothing");
        }
        return new DataStream<>(builder, builder.add(new IntervalJoinTransformation(builder.nextId(), left, right,
                inclusiveLower, inclusiveUpper, Objects.requireNonNull(function, "function"),
                Objects.requireNonNull(leftSerde, "leftSerde"), Objects.requireNonNull(rightSerde, "rightSerde"),
                dropLateData)));
    }
}
