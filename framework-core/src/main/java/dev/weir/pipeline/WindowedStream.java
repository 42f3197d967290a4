package dev.weir.pipeline;

import java.time.Duration;
import java.util.Objects;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.functions.ReduceFunction;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.WindowTransformation;
import dev.weir.internals.windowing.LateDataPolicy;
import dev.weir.internals.windowing.WindowContentsFactory;
import dev.weir.internals.windowing.WindowFunctionRunner;
import dev.weir.kafka.KafkaSink;
import dev.weir.windowing.MergingWindowAssigner;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.Window;
import dev.weir.windowing.WindowAssigner;
import org.apache.kafka.common.serialization.Serde;

/**
 * A keyed stream cut into windows, as in Flink. Configure the trigger, the allowed lateness
 * and what happens to late elements, then evaluate the windows with a reduce, an aggregate or a
 * process window function; give the resulting stream a {@code uid}, since windows are state.
 *
 * <p>An element is late when its timestamp is at or below the watermark minus the allowed
 * lateness; an element late for every window it belongs to goes, unless configured otherwise,
 * to the application's late-data topic {@code <application-id>-late}, as the record it was read
 * from, with headers {@code weir.late.*} naming its source, the operator, its timestamp and the
 * watermark. Within the allowed lateness, a late element updates its window, which fires again.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
public final class WindowedStream<T, K, W extends Window> {

    private final PipelineBuilder builder;
    private final KeyByTransformation keyBy;
    private final WindowAssigner<? super T, W> assigner;
    private final int retainedElements;
    private final Serde<T> retainedSerde;
    private Trigger<? super T, ? super W> trigger;
    private long allowedLateness;
    private LateDataPolicy<T> lateData = LateDataPolicy.lateDataTopic();

    /**
     * @param retainedElements how many of a window's latest elements count, or
     *     {@code Integer.MAX_VALUE} for all; fewer makes the window keep its elements
     * @param retainedSerde the serde of kept elements; {@code null} if all count
     */
    WindowedStream(PipelineBuilder builder, KeyByTransformation keyBy, WindowAssigner<? super T, W> assigner,
                   Trigger<? super T, ? super W> trigger, int retainedElements, Serde<T> retainedSerde) {
        this.builder = builder;
        this.keyBy = keyBy;
        this.assigner = assigner;
        this.trigger = trigger;
        this.retainedElements = retainedElements;
        this.retainedSerde = retainedSerde;
    }

    /** Fires windows with {@code newTrigger} instead of the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> newTrigger) {
        this.trigger = Objects.requireNonNull(newTrigger, "trigger");
        return this;
    }

    /**
     * Keeps each window's state for {@code lateness} after the watermark passed its end: an
     * element that arrives in that time updates the window, which fires again. Zero unless set.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must not be negative: " + lateness);
        }
        if (!assigner.isEventTime() && !lateness.isZero()) {
            throw new IllegalArgumentException("allowed lateness applies to event-time windows only, not to " + assigner);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Writes elements too late for every window to {@code sink} instead of the late-data topic. */
    public WindowedStream<T, K, W> sideOutputLateData(KafkaSink<T> sink) {
        this.lateData = LateDataPolicy.sideOutput(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /** Drops elements too late for every window, as Flink does by default. */
    public WindowedStream<T, K, W> dropLateData() {
        this.lateData = LateDataPolicy.drop();
        return this;
    }

    /**
     * Folds each window's elements as they arrive and emits the folded value when it fires.
     *
     * @param serde the serde of the folded value in state
     */
    public DataStream<T> reduce(ReduceFunction<T> function, Serde<T> serde) {
        return window(reducing(function, serde), WindowFunctionRunner.emitResult());
    }

    /**
     * Folds each window's elements as they arrive and hands the folded value, with key and window,
     * to {@code windowFunction} when it fires.
     */
    public <R> DataStream<R> reduce(ReduceFunction<T> function, Serde<T> serde,
                                    ProcessWindowFunction<T, R, K, W> windowFunction) {
        return window(reducing(function, serde),
                WindowFunctionRunner.process(Objects.requireNonNull(windowFunction, "windowFunction")));
    }

    /**
     * Aggregates each window's elements into an accumulator as they arrive and emits the result
     * when it fires.
     *
     * @param accumulatorSerde the serde of the accumulator in state
     */
    public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> function, Serde<A> accumulatorSerde) {
        return window(aggregating(function, accumulatorSerde), WindowFunctionRunner.emitResult());
    }

    /**
     * Aggregates each window's elements as they arrive and hands the result, with key and window,
     * to {@code windowFunction} when it fires.
     */
    public <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> function, Serde<A> accumulatorSerde,
                                             ProcessWindowFunction<V, R, K, W> windowFunction) {
        return window(aggregating(function, accumulatorSerde),
                WindowFunctionRunner.process(Objects.requireNonNull(windowFunction, "windowFunction")));
    }

    /**
     * Keeps every element of each window and hands them all, with key and window, to
     * {@code windowFunction} when it fires. Prefer an incremental aggregation where it suffices.
     *
     * @param elementSerde the serde of the elements in state
     */
    public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> windowFunction, Serde<T> elementSerde) {
        return window(WindowContentsFactory.buffering(Objects.requireNonNull(elementSerde, "elementSerde"),
                retainedElements), WindowFunctionRunner.process(Objects.requireNonNull(windowFunction, "windowFunction")));
    }

    private WindowContentsFactory<T, T> reducing(ReduceFunction<T> function, Serde<T> serde) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(serde, "serde");
        return retainedSerde == null ? WindowContentsFactory.reducing(function, serde)
                : WindowContentsFactory.bufferingThenReducing(retainedSerde, retainedElements, function);
    }

    private <A, R> WindowContentsFactory<T, R> aggregating(AggregateFunction<T, A, R> function, Serde<A> serde) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(serde, "accumulatorSerde");
        // Only the latest elements count in a sliding count window, so it keeps elements, not an accumulator.
        return retainedSerde == null ? WindowContentsFactory.aggregating(function, serde)
                : WindowContentsFactory.bufferingThenAggregating(retainedSerde, retainedElements, function);
    }

    private <R> DataStream<R> window(WindowContentsFactory<T, ?> contents, WindowFunctionRunner<?, R, K, W> function) {
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new IllegalArgumentException(assigner + " merges windows, but the trigger " + trigger
                    + " cannot merge: use a trigger whose canMerge() is true");
        }
        return new DataStream<>(builder, builder.add(new WindowTransformation(builder.nextId(), keyBy, assigner, trigger,
                allowedLateness, lateData, contents, function)));
    }
}
