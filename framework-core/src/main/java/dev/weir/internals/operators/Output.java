package dev.weir.internals.operators;

/**
 * Where an operator pushes its results: the next chained operator, a fan-out, a sink or a
 * repartition writer. Pushing runs the downstream chain in the caller's thread.
 *
 * @param <T> the element type
 */
public interface Output<T> {

    /** Processes one element downstream. */
    void push(T element);
}
