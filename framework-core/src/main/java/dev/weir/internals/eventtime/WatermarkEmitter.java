package dev.weir.internals.eventtime;

import java.util.Map;

import org.apache.kafka.common.header.Headers;

/**
 * Writes a task's watermark into every partition of the repartition topics its stage writes,
 * when it changed and at most once per interval, so that every downstream task learns the
 * watermark of every upstream task. Idleness is reported the same way.
 */
public final class WatermarkEmitter {

    /** Sends one watermark record. */
    @FunctionalInterface
    public interface Sender {

        /** Sends a watermark record with {@code headers} to one partition. */
        void send(String topic, int partition, Headers headers);
    }

    private final int upstreamTask;
    private final Map<String, Integer> partitionsByTopic;
    private final long intervalMillis;
    private boolean emitted;
    private long emittedWatermark;
    private boolean emittedIdle;
    private long emittedAt;

    /**
     * @param upstreamTask the partition index of the task that writes
     * @param partitionsByTopic the repartition topics written, with their partition counts
     * @param intervalMillis the least time between two emissions
     */
    public WatermarkEmitter(int upstreamTask, Map<String, Integer> partitionsByTopic, long intervalMillis) {
        this.upstreamTask = upstreamTask;
        this.partitionsByTopic = Map.copyOf(partitionsByTopic);
        this.intervalMillis = intervalMillis;
        forgetEmitted();
    }

    /**
     * Emits the watermark and idleness: the first time, and then when either changed since the
     * last emission and the interval has passed.
     *
     * @return whether it emitted
     */
    public boolean emitIfDue(long watermark, boolean idle, long now, Sender sender) {
        if (emitted && (watermark == emittedWatermark && idle == emittedIdle || now - emittedAt < intervalMillis)) {
            return false;
        }
        for (Map.Entry<String, Integer> topic : partitionsByTopic.entrySet()) {
            for (int partition = 0; partition < topic.getValue(); partition++) {
                sender.send(topic.getKey(), partition, WatermarkRecords.headers(upstreamTask, watermark, idle));
            }
        }
        emitted = true;
        emittedWatermark = watermark;
        emittedIdle = idle;
        emittedAt = now;
        return true;
    }

    /**
     * Forgets what was emitted, after the transaction that carried it was aborted: the next
     * call emits again.
     */
    public void forgetEmitted() {
        emitted = false;
    }
}
