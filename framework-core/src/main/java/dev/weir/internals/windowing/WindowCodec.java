package dev.weir.internals.windowing;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.weir.windowing.GlobalWindow;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.Window;

/**
 * Windows as state namespaces: a time window is {@code start (8) ‖ end (8)}, the global window
 * one byte. The namespace scopes a window's contents, trigger state and timers under its key.
 */
final class WindowCodec {

    private static final byte[] GLOBAL = {0};
    private static final int TIME_WINDOW_BYTES = 2 * Long.BYTES;

    private WindowCodec() {
    }

    static byte[] encode(Window window) {
        if (window instanceof TimeWindow time) {
            return ByteBuffer.allocate(TIME_WINDOW_BYTES).putLong(time.start()).putLong(time.end()).array();
        }
        return GLOBAL;
    }

    @SuppressWarnings("unchecked")
    static <W extends Window> W decode(byte[] namespace) {
        if (namespace.length == GLOBAL.length) {
            return (W) GlobalWindow.get();
        }
        if (namespace.length != TIME_WINDOW_BYTES) {
            throw new IllegalStateException("a window namespace of " + namespace.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(namespace);
        return (W) new TimeWindow(buffer.getLong(), buffer.getLong());
    }

    /** A key's merging windows, each with the window its contents are stored under. */
    static byte[] encodeMapping(Map<TimeWindow, TimeWindow> mapping) {
        ByteBuffer buffer = ByteBuffer.allocate(mapping.size() * 2 * TIME_WINDOW_BYTES);
        mapping.forEach((window, stateWindow) -> buffer.put(encode(window)).put(encode(stateWindow)));
        return buffer.array();
    }

    static Map<TimeWindow, TimeWindow> decodeMapping(byte[] encoded) {
        Map<TimeWindow, TimeWindow> mapping = new LinkedHashMap<>();
        if (encoded == null) {
            return mapping;
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        while (buffer.hasRemaining()) {
            TimeWindow window = new TimeWindow(buffer.getLong(), buffer.getLong());
            mapping.put(window, new TimeWindow(buffer.getLong(), buffer.getLong()));
        }
        return mapping;
    }
}
