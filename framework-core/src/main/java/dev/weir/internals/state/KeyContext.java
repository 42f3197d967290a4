package dev.weir.internals.state;

import dev.weir.internals.keygroup.KeyGroups;
import java.util.Objects;

/**
 * The current key of a task: which key group, serialized key and namespace every keyed-state
 * access and timer registration addresses. The engine sets it before each record; the timer
 * service sets it before each timer callback.
 *
 * <p>Arrays are kept, not copied: callers must not modify them afterwards. The namespace is
 * independent of the key and stays as set until changed (empty unless windows use it).
 */
public final class KeyContext {

    private static final byte[] NO_NAMESPACE = new byte[0];

    private int keyGroup = -1;
    private byte[] serializedKey;
    private byte[] namespace = NO_NAMESPACE;

    /** Makes {@code serializedKey}, of key group {@code keyGroup}, the current key. */
    public void setCurrentKey(int keyGroup, byte[] serializedKey) {
        if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_KEY_GROUPS) {
            throw new IllegalArgumentException(
                    "A key group must be in [0, " + KeyGroups.MAX_KEY_GROUPS + "), got " + keyGroup);
        }
        this.serializedKey = Objects.requireNonNull(serializedKey, "serializedKey");
        this.keyGroup = keyGroup;
    }

    /**
     * The current key's key group.
     *
     * @throws IllegalStateException if no key was set
     */
    public int keyGroup() {
        requireKey();
        return keyGroup;
    }

    /**
     * The current serialized key.
     *
     * @throws IllegalStateException if no key was set
     */
    public byte[] serializedKey() {
        requireKey();
        return serializedKey;
    }

    /** Sets the current namespace (a window, later); an empty array is the default namespace. */
    public void setNamespace(byte[] namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** Makes the default namespace, that of state outside any window, the current one. */
    public void setDefaultNamespace() {
        this.namespace = NO_NAMESPACE;
    }

    /** The current namespace; empty by default. */
    public byte[] namespace() {
        return namespace;
    }

    private void requireKey() {
        if (serializedKey == null) {
            throw new IllegalStateException(
                    "No current key: keyed state and timers are only accessible while processing a keyed record or timer");
        }
    }
}
