package dev.weir.internals.graph;

import java.util.List;

import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.windowing.LateDataPolicy;
import dev.weir.internals.windowing.WindowContentsFactory;
import dev.weir.internals.windowing.WindowFunctionRunner;
import dev.weir.internals.windowing.WindowOperator;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.WindowAssigner;
import org.apache.kafka.common.serialization.Deserializer;

/** Windows over a keyed stream: assigner, trigger, lateness, contents and the function that evaluates them. */
public final class WindowTransformation extends Transformation {

    private final WindowAssigner<?, ?> assigner;
    private final Trigger<?, ?> trigger;
    private final long allowedLateness;
    private final LateDataPolicy<?> lateData;
    private final WindowContentsFactory<?, ?> contents;
    private final WindowFunctionRunner<?, ?, ?, ?> function;

    public WindowTransformation(int id, KeyByTransformation input, WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger,
                                long allowedLateness, LateDataPolicy<?> lateData, WindowContentsFactory<?, ?> contents,
                                WindowFunctionRunner<?, ?, ?, ?> function) {
        super(id, List.of(input));
        this.assigner = assigner;
        this.trigger = trigger;
        this.allowedLateness = allowedLateness;
        this.lateData = lateData;
        this.contents = contents;
        this.function = function;
    }

    @Override
    public boolean writesLateDataTopic() {
        return lateData.usesLateDataTopic();
    }

    /** What evaluates the fired windows; the runtime opens and closes it. */
    public WindowFunctionRunner<?, ?, ?, ?> function() {
        return function;
    }

    /** The operator of one task. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WindowOperator<?, ?, ?, ?, ?> createOperator(Deserializer<?> keyDeserializer, Output<?> next, TaskContext task,
                                                        String lateDataTopic) {
        return new WindowOperator(uid(), (WindowAssigner) assigner, (Trigger) trigger, allowedLateness,
                contents.create(uid(), task), (WindowFunctionRunner) function,
                lateData.create(uid(), lateDataTopic, task), keyDeserializer, next, task);
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    protected String kind() {
        return "window";
    }
}
