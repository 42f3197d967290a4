package dev.weir.functions;

/**
 * Receives the elements a function emits. Emitted elements become visible downstream only
 * when the function returns normally, and in committed output only with the next checkpoint.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Collector<T> {

    /** Emits one element. */
    void collect(T element);
}
