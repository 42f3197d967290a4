package dev.weir.spring.query;

import dev.weir.runtime.QueryableOperator;

/**
 * Turns the key of a state query, as text from a URL, into a key of the operator's key type.
 * Define a bean of this type for keys the default cannot read.
 */
@FunctionalInterface
public interface StateKeyParser {

    /**
     * The key {@code text} stands for.
     *
     * @throws IllegalArgumentException if the text is no key of the operator
     */
    Object parse(String text, QueryableOperator operator);
}
