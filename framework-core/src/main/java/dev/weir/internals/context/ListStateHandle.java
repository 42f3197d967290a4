package dev.weir.internals.context;

import java.util.List;

import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;

final class ListStateHandle<T> extends StateHandle<ListState<T>> implements ListState<T> {

    ListStateHandle(int index, String operatorUid, ListStateDescriptor<T> descriptor) {
        super(index, operatorUid, descriptor);
    }

    @Override
    public Iterable<T> get() {
        return target().get();
    }

    @Override
    public void add(T value) {
        target().add(value);
    }

    @Override
    public void update(List<T> values) {
        target().update(values);
    }

    @Override
    public void addAll(List<T> values) {
        target().addAll(values);
    }
}
