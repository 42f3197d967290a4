package dev.weir.internals.context;

import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;

final class ValueStateHandle<T> extends StateHandle<ValueState<T>> implements ValueState<T> {

    ValueStateHandle(int index, String operatorUid, ValueStateDescriptor<T> descriptor) {
        super(index, operatorUid, descriptor);
    }

    @Override
    public T value() {
        return target().value();
    }

    @Override
    public void update(T value) {
        target().update(value);
    }
}
