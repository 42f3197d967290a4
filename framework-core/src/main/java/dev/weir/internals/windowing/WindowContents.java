package dev.weir.internals.windowing;

import java.util.List;

/**
 * What a window holds for the current key, in the namespace the operator set: every element,
 * or an accumulator that elements are folded into as they arrive.
 *
 * @param <IN> the element type
 * @param <R> the type the window function sees
 */
public interface WindowContents<IN, R> {

    /** Adds an element to the current window. */
    void add(IN element);

    /** What the window function sees; empty if the window holds nothing. */
    List<R> get();

    /** Empties the current window. */
    void clear();

    /**
     * Moves the contents of the {@code sources} namespaces into {@code target}'s, for merging
     * windows; the namespace is left at {@code target}.
     */
    void merge(byte[] target, List<byte[]> sources);
}
