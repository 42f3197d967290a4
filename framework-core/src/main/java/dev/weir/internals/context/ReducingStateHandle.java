package dev.weir.internals.context;

import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;

final class ReducingStateHandle<T> extends StateHandle<ReducingState<T>> implements ReducingState<T> {

    ReducingStateHandle(int index, String operatorUid, ReducingStateDescriptor<T> descriptor) {
        super(index, operatorUid, descriptor);
    }

    @Override
    public T get() {
        return target().get();
    }

    @Override
    public void add(T value) {
        target().add(value);
    }
}
