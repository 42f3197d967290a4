package dev.weir.functions;

/**
 * Combines a stream element with the table value of its key.
 *
 * @param <V1> the stream element type
 * @param <V2> the table value type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ValueJoiner<V1, V2, R> {

    /**
     * The joined result.
     *
     * @param tableValue the table's current value for the key; {@code null} in a left join when
     *     the table has none
     */
    R apply(V1 element, V2 tableValue) throws Exception;
}
