package dev.weir.internals.context;

import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;

final class AggregatingStateHandle<I, O> extends StateHandle<AggregatingState<I, O>> implements AggregatingState<I, O> {

    AggregatingStateHandle(int index, String operatorUid, AggregatingStateDescriptor<I, ?, O> descriptor) {
        super(index, operatorUid, descriptor);
    }

    @Override
    public O get() {
        return target().get();
    }

    @Override
    public void add(I value) {
        target().add(value);
    }
}
