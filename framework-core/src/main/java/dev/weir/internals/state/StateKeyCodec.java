package dev.weir.internals.state;

import dev.weir.internals.keygroup.KeyGroups;

/**
 * The RocksDB key of a keyed-state entry:
 * {@code keyGroup (2 bytes, big-endian unsigned) ‖ varint(len key) ‖ key ‖ varint(len namespace) ‖ namespace ‖ userKey}.
 *
 * <p>The key group comes first so that one key group's entries are one contiguous range,
 * which is what rescaling and savepoints move. Lengths make every prefix unambiguous: the key
 * of a (key group, key, namespace) is also the prefix of exactly that map's user-key entries.
 */
public final class StateKeyCodec {

    /** How many bytes the key-group prefix takes. */
    public static final int KEY_GROUP_BYTES = 2;

    private static final byte[] NO_USER_KEY = new byte[0];

    private StateKeyCodec() {
    }

    /**
     * The key of a single-entry state (value, list, reducing, aggregating) for a key and
     * namespace; also the prefix of every map-state entry of that key and namespace.
     */
    public static byte[] stateKey(int keyGroup, byte[] key, byte[] namespace) {
        return mapEntryKey(keyGroup, key, namespace, NO_USER_KEY);
    }

    /** The key of one map-state entry. */
    public static byte[] mapEntryKey(int keyGroup, byte[] key, byte[] namespace, byte[] userKey) {
        int length = KEY_GROUP_BYTES
                + VarInt.size(key.length) + key.length
                + VarInt.size(namespace.length) + namespace.length
                + userKey.length;
        byte[] encoded = new byte[length];
        int offset = writeKeyGroup(keyGroup, encoded);
        offset = VarInt.write(key.length, encoded, offset);
        System.arraycopy(key, 0, encoded, offset, key.length);
        offset = VarInt.write(namespace.length, encoded, offset + key.length);
        System.arraycopy(namespace, 0, encoded, offset, namespace.length);
        System.arraycopy(userKey, 0, encoded, offset + namespace.length, userKey.length);
        return encoded;
    }

    /** The prefix shared by every entry (and timer) of one key group. */
    public static byte[] keyGroupPrefix(int keyGroup) {
        byte[] prefix = new byte[KEY_GROUP_BYTES];
        writeKeyGroup(keyGroup, prefix);
        return prefix;
    }

    /** The key group of a stored key (state entry or timer). */
    public static int keyGroupOf(byte[] dbKey) {
        return new ByteReader(dbKey).readUnsignedShort();
    }

    /** Writes the key group at the start of {@code target} and returns the offset after it. */
    static int writeKeyGroup(int keyGroup, byte[] target) {
        if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_KEY_GROUPS) {
            throw new IllegalArgumentException(
                    "A key group must be in [0, " + KeyGroups.MAX_KEY_GROUPS + "), got " + keyGroup);
        }
        target[0] = (byte) (keyGroup >>> 8);
        target[1] = (byte) keyGroup;
        return KEY_GROUP_BYTES;
    }
}
