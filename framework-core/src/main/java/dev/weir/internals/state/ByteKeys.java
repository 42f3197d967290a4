package dev.weir.internals.state;

import java.util.Arrays;
import java.util.Comparator;

/** Key-range arithmetic in RocksDB's default order: unsigned lexicographic bytes. */
final class ByteKeys {

    static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    private ByteKeys() {
    }

    /** The smallest key greater than {@code key}. */
    static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}, or {@code null}
     * if there is none (the prefix is all 0xFF bytes).
     */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }
}
