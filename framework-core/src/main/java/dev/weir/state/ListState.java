package dev.weir.state;

import java.util.List;

/**
 * A list of values per key. {@link #get()} returns an empty iterable, never {@code null},
 * when the current key has no values. Elements may not be {@code null}.
 *
 * @param <T> the element type
 */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {

    /** Replaces the current key's list; {@code null} or an empty list clears it. */
    void update(List<T> values);

    /** Appends every value to the current key's list; {@code null} or an empty list changes nothing. */
    void addAll(List<T> values);
}
