package dev.weir.internals.context;

import java.util.Map;

import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;

final class MapStateHandle<K, V> extends StateHandle<MapState<K, V>> implements MapState<K, V> {

    MapStateHandle(int index, String operatorUid, MapStateDescriptor<K, V> descriptor) {
        super(index, operatorUid, descriptor);
    }

    @Override
    public V get(K key) {
        return target().get(key);
    }

    @Override
    public void put(K key, V value) {
        target().put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        target().putAll(entries);
    }

    @Override
    public void remove(K key) {
        target().remove(key);
    }

    @Override
    public boolean contains(K key) {
        return target().contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return target().entries();
    }

    @Override
    public Iterable<K> keys() {
        return target().keys();
    }

    @Override
    public Iterable<V> values() {
        return target().values();
    }

    @Override
    public boolean isEmpty() {
        return target().isEmpty();
    }
}
