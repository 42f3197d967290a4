package dev.weir.state;

/**
 * Keyed state: a handle whose reads and writes always address the entry of the key being
 * processed (the current record's key, or the key of the timer that fired).
 *
 * <p>Changes are part of the next checkpoint: they reach local storage and the changelog only
 * when that checkpoint commits, and vanish if it fails. A handle is used by one task thread
 * at a time and is not thread-safe.
 */
public interface State {

    /** Removes the current key's entry. */
    void clear();
}
