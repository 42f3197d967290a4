package dev.weir.state;

/**
 * One value per key that every added value is folded into with the descriptor's
 * {@link dev.weir.functions.ReduceFunction}. {@link #get()} is {@code null} until a value is
 * added.
 *
 * @param <T> the value type
 */
public interface ReducingState<T> extends AppendingState<T, T> {
}
