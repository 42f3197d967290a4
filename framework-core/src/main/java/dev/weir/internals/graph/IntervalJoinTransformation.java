package dev.weir.internals.graph;

import java.util.List;

import dev.weir.functions.ProcessJoinFunction;
import dev.weir.internals.joining.IntervalJoinOperator;
import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.windowing.LateDataPolicy;
import org.apache.kafka.common.serialization.Serde;

/** An interval join of two keyed streams with the same key. */
public final class IntervalJoinTransformation extends Transformation {

    private final long lower;
    private final long upper;
    private final ProcessJoinFunction<?, ?, ?> function;
    private final Serde<?> leftSerde;
    private final Serde<?> rightSerde;
    private final boolean dropLateData;

    /**
     * @param lower the inclusive lower bound of the right timestamp relative to the left
     * @param upper the inclusive upper bound
     */
    public IntervalJoinTransformation(int id, KeyByTransformation left, KeyByTransformation right, long lower, long upper,
                                      ProcessJoinFunction<?, ?, ?> function, Serde<?> leftSerde, Serde<?> rightSerde,
                                      boolean dropLateData) {
        super(id, List.of(left, right));
        this.lower = lower;
        this.upper = upper;
        this.function = function;
        this.leftSerde = leftSerde;
        this.rightSerde = rightSerde;
        this.dropLateData = dropLateData;
    }

    @Override
    public boolean writesLateDataTopic() {
        return !dropLateData;
    }

    /** The operator of one task. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public IntervalJoinOperator<?, ?, ?, ?> createOperator(Output<?> next, TaskContext task, String lateDataTopic) {
        LateDataPolicy late = dropLateData ? LateDataPolicy.drop() : LateDataPolicy.lateDataTopic();
        return new IntervalJoinOperator(uid(), lower, upper, (ProcessJoinFunction) function, (Serde) leftSerde,
                (Serde) rightSerde, late.create(uid(), lateDataTopic, task), late.create(uid(), lateDataTopic, task),
                (Output) next, task);
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    protected String kind() {
        return "interval-join";
    }
}
