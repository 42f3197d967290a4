package dev.weir.functions;

/**
 * Keeps the elements for which it returns {@code true}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface FilterFunction<T> {

    /** Whether {@code value} goes on downstream. */
    boolean filter(T value) throws Exception;
}
