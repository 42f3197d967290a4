package dev.weir.internals.state;

/**
 * The RocksDB key of a timer:
 * {@code keyGroup (2) ‖ timestamp (8, big-endian, sign bit flipped) ‖ varint(len key) ‖ key ‖ namespace}.
 *
 * <p>Flipping the sign bit makes unsigned byte order numeric order, negative times included,
 * so within a key group the first key is the earliest timer. The key is the whole timer:
 * registering the same (time, key, namespace) twice writes the same key once.
 */
final class TimerKeyCodec {

    private static final int TIMESTAMP_BYTES = 8;

    private TimerKeyCodec() {
    }

    static byte[] encode(int keyGroup, long timestamp, byte[] key, byte[] namespace) {
        byte[] encoded = new byte[StateKeyCodec.KEY_GROUP_BYTES + TIMESTAMP_BYTES
                + VarInt.size(key.length) + key.length + namespace.length];
        int offset = StateKeyCodec.writeKeyGroup(keyGroup, encoded);
        long sortable = timestamp ^ Long.MIN_VALUE;
        for (int shift = 56; shift >= 0; shift -= 8) {
            encoded[offset++] = (byte) (sortable >>> shift);
        }
        offset = VarInt.write(key.length, encoded, offset);
        System.arraycopy(key, 0, encoded, offset, key.length);
        System.arraycopy(namespace, 0, encoded, offset + key.length, namespace.length);
        return encoded;
    }

    static long timestampOf(byte[] dbKey) {
        ByteReader reader = new ByteReader(dbKey);
        reader.readUnsignedShort();
        return reader.readLong() ^ Long.MIN_VALUE;
    }

    static Timer decode(byte[] dbKey) {
        ByteReader reader = new ByteReader(dbKey);
        int keyGroup = reader.readUnsignedShort();
        long timestamp = reader.readLong() ^ Long.MIN_VALUE;
        byte[] key = reader.readSizedBytes();
        return new Timer(keyGroup, timestamp, key, reader.readRemaining());
    }

    /** A decoded timer. */
    record Timer(int keyGroup, long timestamp, byte[] key, byte[] namespace) {
    }
}
