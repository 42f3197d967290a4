package dev.weir.internals.state;

import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A {@link MapState}: one RocksDB entry per user key, under the current key's state key as
 * prefix, so iteration is a range scan in serialized-user-key order.
 */
final class RocksDbMapState<UK, UV> extends AbstractKeyedState implements MapState<UK, UV> {

    private final BoundSerde<UK> keySerde;
    private final BoundSerde<UV> valueSerde;

    RocksDbMapState(MapStateDescriptor<UK, UV> descriptor, StagedTable table, ValueStorage storage, KeyContext keyContext) {
        super(table, storage, keyContext);
        this.keySerde = new BoundSerde<>(descriptor.keySerde(), table.id());
        this.valueSerde = new BoundSerde<>(descriptor.valueSerde(), table.id());
    }

    @Override
    public UV get(UK key) {
        byte[] payload = storage.read(table, entryKey(key));
        return payload == null ? null : valueSerde.deserialize(payload);
    }

    @Override
    public void put(UK key, UV value) {
        Objects.requireNonNull(value, "A map state value must not be null");
        storage.write(table, entryKey(key), valueSerde.serialize(value));
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        map.forEach(this::put);
    }

    @Override
    public void remove(UK key) {
        table.delete(entryKey(key));
    }

    @Override
    public boolean contains(UK key) {
        return storage.read(table, entryKey(key)) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return walk((userKey, payload) ->
                new AbstractMap.SimpleImmutableEntry<>(keySerde.deserialize(userKey), valueSerde.deserialize(payload)));
    }

    @Override
    public Iterable<UK> keys() {
        return walk((userKey, payload) -> keySerde.deserialize(userKey));
    }

    @Override
    public Iterable<UV> values() {
        return walk((userKey, payload) -> valueSerde.deserialize(payload));
    }

    @Override
    public boolean isEmpty() {
        return !new PrefixScanIterator(table, storage, currentStateKey()).hasNext();
    }

    /** Stages the deletion of every stored entry, expired ones included. */
    @Override
    public void clear() {
        byte[] from = currentStateKey();
        byte[] end = ByteKeys.prefixEnd(from);
        List<StoredEntry> chunk;
        do {
            chunk = table.scan(from, end, PrefixScanIterator.CHUNK_SIZE);
            for (StoredEntry entry : chunk) {
                table.delete(entry.key());
                from = ByteKeys.successor(entry.key());
            }
        } while (chunk.size() == PrefixScanIterator.CHUNK_SIZE);
    }

    private byte[] entryKey(UK key) {
        Objects.requireNonNull(key, "A map state key must not be null");
        return StateKeyCodec.mapEntryKey(
                keyContext.keyGroup(), keyContext.serializedKey(), keyContext.namespace(), keySerde.serialize(key));
    }

    /** An iterable over the current key's entries, each turned into an {@code R}. */
    private <R> Iterable<R> walk(BiFunction<byte[], byte[], R> convert) {
        byte[] prefix = currentStateKey();
        return () -> new Iterator<>() {
            private final PrefixScanIterator entries = new PrefixScanIterator(table, storage, prefix);

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public R next() {
                StoredEntry entry = entries.next();
                return convert.apply(Arrays.copyOfRange(entry.key(), prefix.length, entry.key().length), entry.value());
            }

            @Override
            public void remove() {
                entries.remove();
            }
        };
    }
}
