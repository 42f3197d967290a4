package dev.weir.benchmarks.weir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A per-window result of a Nexmark query's first stage, on its way to the stage that keeps the
 * highest per window: the window, the score, and the label the output shows.
 *
 * @param windowStart the start of the window, the key of the second stage
 * @param score what is compared: a bid count or a price
 * @param label {@code <auction>:<count>} or {@code <auction>:<bidder>:<price>}
 */
record Scored(long windowStart, long score, String label) {

    /** The serde of scored results on the repartition topic. */
    static final Serde<Scored> SERDE = Serdes.serdeFrom(Scored::serialize, Scored::deserialize);

    private static byte[] serialize(String topic, Scored scored) {
        if (scored == null) {
            return null;
        }
        byte[] label = scored.label.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 * Long.BYTES + label.length)
                .putLong(scored.windowStart).putLong(scored.score).put(label).array();
    }

    private static Scored deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long windowStart = buffer.getLong();
        long score = buffer.getLong();
        return new Scored(windowStart, score, new String(data, 2 * Long.BYTES, data.length - 2 * Long.BYTES,
                StandardCharsets.UTF_8));
    }
}
