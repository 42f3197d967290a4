package dev.weir.internals.state;

import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ListState} stored as one value per key and namespace: the serialized elements,
 * each length-prefixed. Appending reads, extends and rewrites that value, so an append costs
 * the size of the list; with TTL, the whole list shares one expiry time.
 */
final class RocksDbListState<T> extends AbstractKeyedState implements ListState<T> {

    private final BoundSerde<T> serde;

    RocksDbListState(ListStateDescriptor<T> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        super(table, storage, keyContext);
        this.serde = new BoundSerde<>(descriptor.elementSerde(), table.id());
    }

    @Override
    public Iterable<T> get() {
        byte[] payload = storage.read(table, currentStateKey());
        if (payload == null) {
            return List.of();
        }
        List<T> elements = new ArrayList<>();
        for (byte[] element : ListCodec.decode(payload)) {
            elements.add(serde.deserialize(element));
        }
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        addAll(List.of(Objects.requireNonNull(value, "A list state element must not be null")));
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        byte[] key = currentStateKey();
        storage.write(table, key, ListCodec.append(storage.readForUpdate(table, key), serialized(values)));
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
        } else {
            storage.write(table, currentStateKey(), ListCodec.append(null, serialized(values)));
        }
    }

    private List<byte[]> serialized(List<T> values) {
        List<byte[]> elements = new ArrayList<>(values.size());
        for (T value : values) {
            elements.add(serde.serialize(Objects.requireNonNull(value, "A list state element must not be null")));
        }
        return elements;
    }
}
