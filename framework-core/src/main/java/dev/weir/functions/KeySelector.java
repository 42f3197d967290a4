package dev.weir.functions;

/**
 * Extracts the key by which a stream is partitioned and its state is scoped. It must be
 * deterministic: the same element must always yield the same key.
 *
 * @param <T> the element type
 * @param <K> the key type
 */
@FunctionalInterface
public interface KeySelector<T, K> {

    /** The key of {@code value}. */
    K getKey(T value) throws Exception;
}
