package dev.weir.state;

/**
 * One accumulator per key that every added value is folded into with the descriptor's
 * {@link dev.weir.functions.AggregateFunction}; {@link #get()} returns the function's result
 * for the accumulator, or {@code null} until a value is added.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the result type
 */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {
}
