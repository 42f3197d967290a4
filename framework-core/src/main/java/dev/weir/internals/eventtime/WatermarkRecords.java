package dev.weir.internals.eventtime;

import java.nio.ByteBuffer;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records by which an upstream task tells a repartition topic its watermark: no key, no
 * value, one header holding {@code upstream task (4) ‖ watermark (8) ‖ idle (1)}.
 */
public final class WatermarkRecords {

    /** The header that marks a watermark record. */
    public static final String HEADER = "weir.watermark";

    private static final int SIZE = Integer.BYTES + Long.BYTES + 1;

    private WatermarkRecords() {
    }

    /** What one watermark record says. */
    public record UpstreamWatermark(int upstreamTask, long watermark, boolean idle) {
    }

    /** The headers of a watermark record. */
    public static Headers headers(int upstreamTask, long watermark, boolean idle) {
        ByteBuffer payload = ByteBuffer.allocate(SIZE).putInt(upstreamTask).putLong(watermark).put((byte) (idle ? 1 : 0));
        return new RecordHeaders().add(HEADER, payload.array());
    }

    /** The watermark a record carries, or {@code null} if it is a data record. */
    public static UpstreamWatermark read(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        if (value == null || value.length != SIZE) {
            throw new IllegalStateException("a malformed " + HEADER + " header of " + (value == null ? 0 : value.length)
                    + " bytes");
        }
        ByteBuffer payload = ByteBuffer.wrap(value);
        return new UpstreamWatermark(payload.getInt(), payload.getLong(), payload.get() != 0);
    }
}
