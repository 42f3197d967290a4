package dev.weir.internals.eventtime;

import java.util.function.BooleanSupplier;

/**
 * The watermark of a source partition under bounded out-of-orderness: the highest timestamp
 * seen, minus the bound, minus one. With an idleness timeout, a split that brought no record
 * for that long while the consumer had read all it holds is idle until its next record. A split
 * with unread records is never idle, however long they take to arrive: otherwise the partitions
 * of a starting or lagging task would race ahead of one another and make each other's records
 * late.
 *
 * <p>Idleness is judged at {@link #checkIdleness} calls, not per record, so that the per-record
 * path reads no clock: a record only marks the split active.
 */
public final class SourceSplitWatermark implements SplitWatermark {

    private final long outOfOrderness;
    private final long idlenessTimeout;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastActive;
    private boolean activeSinceCheck;
    private boolean idle;

    /**
     * @param outOfOrderness the bound, in milliseconds
     * @param idlenessTimeout the idleness timeout in milliseconds, or a negative number for none
     * @param now the processing time at which the split was assigned
     */
    public SourceSplitWatermark(long outOfOrderness, long idlenessTimeout, long now) {
        this.outOfOrderness = outOfOrderness;
        this.idlenessTimeout = idlenessTimeout;
        this.lastActive = now;
    }

    /** A record with event time {@code timestamp} arrived. */
    public void onTimestamp(long timestamp) {
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        activeSinceCheck = true;
        idle = false;
    }

    @Override
    public long watermark() {
        long lag = outOfOrderness + 1;
        return maxTimestamp < Long.MIN_VALUE + lag ? Long.MIN_VALUE : maxTimestamp - lag;
    }

    @Override
    public boolean isIdle() {
        return idle;
    }

    @Override
    public boolean checkIdleness(long now, BooleanSupplier caughtUp) {
        if (activeSinceCheck) {
            activeSinceCheck = false;
            lastActive = now;
            return false;
        }
        if (idlenessTimeout < 0 || idle || now - lastActive < idlenessTimeout) {
            return false;
        }
        if (!caughtUp.getAsBoolean()) {
            // Records wait to be read: the split is slow, not idle, and still holds the watermark.
            lastActive = now;
            return false;
        }
        idle = true;
        return true;
    }

    @Override
    public String snapshot() {
        return maxTimestamp == Long.MIN_VALUE ? "" : Long.toString(maxTimestamp);
    }

    @Override
    public void restore(String snapshot) {
        maxTimestamp = snapshot.isEmpty() ? Long.MIN_VALUE : Long.parseLong(snapshot);
        idle = false;
        activeSinceCheck = false;
    }
}
