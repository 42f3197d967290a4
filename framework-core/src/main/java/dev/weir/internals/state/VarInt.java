package dev.weir.internals.state;

/** Writes non-negative ints as unsigned LEB128 varints (7 bits a byte, low bits first). */
final class VarInt {

    private VarInt() {
    }

    /** How many bytes {@code value} takes. */
    static int size(int value) {
        requireNonNegative(value);
        int size = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** Writes {@code value} at {@code offset} and returns the offset after it. */
    static int write(int value, byte[] target, int offset) {
        requireNonNegative(value);
        while ((value & ~0x7F) != 0) {
            target[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target[offset++] = (byte) value;
        return offset;
    }

    private static void requireNonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("A varint length must not be negative, got " + value);
        }
    }
}
