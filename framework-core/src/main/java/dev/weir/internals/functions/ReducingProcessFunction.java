package dev.weir.internals.functions;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ReduceFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import org.apache.kafka.common.serialization.Serde;

/** A keyed reduction that emits the folded value after each element. */
public final class ReducingProcessFunction<K, T> extends KeyedProcessFunction<K, T, T> {

    private final ReducingStateDescriptor<T> descriptor;
    private ReducingState<T> folded;

    public ReducingProcessFunction(ReduceFunction<T> function, Serde<T> serde) {
        this.descriptor = new ReducingStateDescriptor<>("reduced", function, serde);
    }

    @Override
    public void open(RuntimeContext context) {
        folded = context.getReducingState(descriptor);
    }

    @Override
    public void processElement(T value, Context<K> context, Collector<T> out) {
        folded.add(value);
        out.collect(folded.get());
    }
}
