package dev.weir.state;

import java.util.Map;

/**
 * A map per key. Neither user keys nor values may be {@code null}.
 *
 * <p>Iteration is in the byte order of the serialized user keys, and reflects changes made
 * while iterating; the iterators support {@code remove()}. Entries are read-only snapshots:
 * write with {@link #put}.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
public interface MapState<UK, UV> extends State {

    /** The value under {@code key}, or {@code null} if there is none (or it expired). */
    UV get(UK key);

    /** Associates {@code value} with {@code key}, replacing any previous value. */
    void put(UK key, UV value);

    /** Puts every entry of {@code map}. */
    void putAll(Map<UK, UV> map);

    /** Removes the value under {@code key}, if any. */
    void remove(UK key);

    /** Whether a value is under {@code key}. */
    boolean contains(UK key);

    /** Every entry of the current key's map. */
    Iterable<Map.Entry<UK, UV>> entries();

    /** Every user key of the current key's map. */
    Iterable<UK> keys();

    /** Every value of the current key's map, in user-key order. */
    Iterable<UV> values();

    /** Whether the current key's map has no entries. */
    boolean isEmpty();
}
