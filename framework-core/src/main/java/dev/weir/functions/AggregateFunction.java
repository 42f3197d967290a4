package dev.weir.functions;

/**
 * Incremental aggregation with an accumulator whose type may differ from input and result,
 * as in Flink: an average keeps {@code (sum, count)} and returns {@code sum / count}.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type, the one that is stored in state
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> {

    /** A new, empty accumulator. */
    ACC createAccumulator();

    /** Adds a value to the accumulator and returns the accumulator (this one or a new one). */
    ACC add(IN value, ACC accumulator);

    /** The result for an accumulator. */
    OUT getResult(ACC accumulator);

    /** Merges two accumulators, for merging windows. */
    ACC merge(ACC a, ACC b);
}
