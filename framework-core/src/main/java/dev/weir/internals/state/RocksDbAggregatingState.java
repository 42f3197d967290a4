package dev.weir.internals.state;

import dev.weir.functions.AggregateFunction;
import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;
import java.util.Objects;

/** An {@link AggregatingState}: the accumulator is stored, and each add folds into it. */
final class RocksDbAggregatingState<IN, ACC, OUT> extends AbstractKeyedState implements AggregatingState<IN, OUT> {

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final BoundSerde<ACC> serde;

    RocksDbAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        super(table, storage, keyContext);
        this.aggregateFunction = descriptor.aggregateFunction();
        this.serde = new BoundSerde<>(descriptor.accumulatorSerde(), table.id());
    }

    @Override
    public OUT get() {
        byte[] payload = storage.read(table, currentStateKey());
        return payload == null ? null : aggregateFunction.getResult(serde.deserialize(payload));
    }

    @Override
    public void add(IN value) {
        Objects.requireNonNull(value, "A value added to an aggregating state must not be null");
        byte[] key = currentStateKey();
        byte[] payload = storage.readForUpdate(table, key);
        ACC accumulator = payload == null ? aggregateFunction.createAccumulator() : serde.deserialize(payload);
        storage.write(table, key, serde.serialize(aggregateFunction.add(value, accumulator)));
    }
}
