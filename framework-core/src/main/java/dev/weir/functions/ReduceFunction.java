package dev.weir.functions;

/**
 * Combines two values of the same type into one; used by reducing state and keyed reductions.
 * Must be associative, because the engine applies it incrementally as values arrive.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ReduceFunction<T> {

    /** Combines the accumulated value with a new one. */
    T reduce(T accumulated, T value) throws Exception;
}
