package dev.weir.internals.state;

import dev.weir.state.AggregatingStateDescriptor;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import dev.weir.state.ValueStateDescriptor;

/** Makes the state object a descriptor declares. */
final class KeyedStateFactory {

    private KeyedStateFactory() {
    }

    // Each descriptor class declares exactly one state type, so the cast to S is safe.
    @SuppressWarnings("unchecked")
    static <S extends State> S create(
            StateDescriptor<S, ?> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        State state;
        if (descriptor instanceof ValueStateDescriptor<?> value) {
            state = new RocksDbValueState<>(value, table, storage, keyContext);
        } else if (descriptor instanceof ListStateDescriptor<?> list) {
            state = new RocksDbListState<>(list, table, storage, keyContext);
        } else if (descriptor instanceof MapStateDescriptor<?, ?> map) {
            state = new RocksDbMapState<>(map, table, storage, keyContext);
        } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            state = new RocksDbReducingState<>(reducing, table, storage, keyContext);
        } else {
            // StateDescriptor is sealed: aggregating is the only kind left.
            state = new RocksDbAggregatingState<>((AggregatingStateDescriptor<?, ?, ?>) descriptor, table, storage, keyContext);
        }
        return (S) state;
    }
}
