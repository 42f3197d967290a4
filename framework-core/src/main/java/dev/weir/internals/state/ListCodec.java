package dev.weir.internals.state;

import java.util.ArrayList;
import java.util.List;

/** Frames list elements as {@code varint(len) ‖ bytes}, one after the other, in one value. */
final class ListCodec {

    private ListCodec() {
    }

    /** {@code existing} (a framed list, or {@code null} for none) followed by {@code elements}. */
    static byte[] append(byte[] existing, List<byte[]> elements) {
        int length = existing == null ? 0 : existing.length;
        for (byte[] element : elements) {
            length += VarInt.size(element.length) + element.length;
        }
        byte[] framed = new byte[length];
        int offset = 0;
        if (existing != null) {
            System.arraycopy(existing, 0, framed, 0, existing.length);
            offset = existing.length;
        }
        for (byte[] element : elements) {
            offset = VarInt.write(element.length, framed, offset);
            System.arraycopy(element, 0, framed, offset, element.length);
            offset += element.length;
        }
        return framed;
    }

    static List<byte[]> decode(byte[] framed) {
        List<byte[]> elements = new ArrayList<>();
        ByteReader reader = new ByteReader(framed);
        while (reader.hasRemaining()) {
            elements.add(reader.readSizedBytes());
        }
        return elements;
    }
}
