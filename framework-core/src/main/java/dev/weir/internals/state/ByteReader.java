package dev.weir.internals.state;

import java.util.Arrays;

/** Reads the fields of an encoded key or value in order, rejecting truncated input. */
final class ByteReader {

    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int readUnsignedShort() {
        require(2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long readLong() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            require(1);
            byte b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new IllegalArgumentException("Malformed varint at offset " + position);
    }

    /** Reads a varint length and that many bytes. */
    byte[] readSizedBytes() {
        int length = readVarInt();
        require(length);
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    byte[] readRemaining() {
        byte[] value = Arrays.copyOfRange(bytes, position, bytes.length);
        position = bytes.length;
        return value;
    }

    boolean hasRemaining() {
        return position < bytes.length;
    }

    private void require(int length) {
        if (length > bytes.length - position) {
            throw new IllegalArgumentException(
                    "Truncated input: needs " + length + " more bytes at offset " + position + " of " + bytes.length);
        }
    }
}
