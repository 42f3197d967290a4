package dev.weir.internals.state;

import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;

/** A {@link ValueState}: one stored value per key and namespace. */
final class RocksDbValueState<T> extends AbstractKeyedState implements ValueState<T> {

    private final BoundSerde<T> serde;

    RocksDbValueState(ValueStateDescriptor<T> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        super(table, storage, keyContext);
        this.serde = new BoundSerde<>(descriptor.serde(), table.id());
    }

    @Override
    public T value() {
        byte[] payload = storage.read(table, currentStateKey());
        return payload == null ? null : serde.deserialize(payload);
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            storage.write(table, currentStateKey(), serde.serialize(value));
        }
    }
}
