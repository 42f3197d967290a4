package dev.weir.internals.state;

import java.nio.charset.StandardCharsets;

/**
 * The changelog topic's record layout. Key: {@code varint(len stateId) ‖ stateId (UTF-8) ‖ dbKey};
 * value: the stored value bytes as they are in RocksDB (TTL prefix included), or {@code null}
 * for a deletion, so that a compacted changelog keeps exactly the live entries.
 */
public final class ChangelogRecordCodec {

    private ChangelogRecordCodec() {
    }

    /** The record key of a change to {@code dbKey} of the state {@code stateId}. */
    public static byte[] encodeKey(String stateId, byte[] dbKey) {
        byte[] id = stateId.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = new byte[VarInt.size(id.length) + id.length + dbKey.length];
        int offset = VarInt.write(id.length, encoded, 0);
        System.arraycopy(id, 0, encoded, offset, id.length);
        System.arraycopy(dbKey, 0, encoded, offset + id.length, dbKey.length);
        return encoded;
    }

    /**
     * Decodes a changelog record.
     *
     * @throws IllegalArgumentException if the key is not in the changelog layout
     */
    public static ChangelogEntry decode(byte[] recordKey, byte[] recordValue) {
        ByteReader reader = new ByteReader(recordKey);
        String stateId = new String(reader.readSizedBytes(), StandardCharsets.UTF_8);
        return new ChangelogEntry(stateId, reader.readRemaining(), recordValue);
    }
}
