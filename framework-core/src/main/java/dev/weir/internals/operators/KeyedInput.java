package dev.weir.internals.operators;

/**
 * One input of a keyed operator, fed with elements whose key is already serialized and placed
 * in its key group.
 *
 * @param <T> the element type
 * @param <K> the key type
 */
public interface KeyedInput<T, K> {

    /** Processes {@code value} under {@code key}. */
    void processKeyed(K key, byte[] keyBytes, int keyGroup, T value);
}
