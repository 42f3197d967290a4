package dev.weir.state;

/**
 * State that values are added to, and that is read as a whole.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of what is read
 */
public interface AppendingState<IN, OUT> extends State {

    /** What the values added so far for the current key amount to. */
    OUT get();

    /**
     * Adds a value for the current key.
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    void add(IN value);
}
