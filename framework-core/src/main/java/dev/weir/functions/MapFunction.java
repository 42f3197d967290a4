package dev.weir.functions;

/**
 * Transforms one element into exactly one other element.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface MapFunction<I, O> {

    /** The element that replaces {@code value}. */
    O map(I value) throws Exception;
}
