package dev.weir.internals.state;

import dev.weir.functions.ReduceFunction;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.StateException;
import java.util.Objects;

/** A {@link ReducingState}: the folded value is stored, and each add folds into it. */
final class RocksDbReducingState<T> extends AbstractKeyedState implements ReducingState<T> {

    private final ReduceFunction<T> reduceFunction;
    private final BoundSerde<T> serde;

    RocksDbReducingState(ReducingStateDescriptor<T> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        super(table, storage, keyContext);
        this.reduceFunction = descriptor.reduceFunction();
        this.serde = new BoundSerde<>(descriptor.serde(), table.id());
    }

    @Override
    public T get() {
        byte[] payload = storage.read(table, currentStateKey());
        return payload == null ? null : serde.deserialize(payload);
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, "A value added to a reducing state must not be null");
        byte[] key = currentStateKey();
        byte[] payload = storage.readForUpdate(table, key);
        T folded = payload == null ? value : reduce(serde.deserialize(payload), value);
        storage.write(table, key, serde.serialize(folded));
    }

    private T reduce(T accumulated, T value) {
        try {
            return reduceFunction.reduce(accumulated, value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StateException("The reduce function of state '" + table.id() + "' failed", e);
        }
    }
}
