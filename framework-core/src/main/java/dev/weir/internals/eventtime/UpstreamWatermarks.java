package dev.weir.internals.eventtime;

import java.util.function.BooleanSupplier;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The watermark of a repartition-topic split: every upstream task writes its watermark and
 * idleness into every partition of the topic, and this split's watermark is the minimum over
 * the upstream tasks that are not idle. It is idle when all of them are.
 */
public final class UpstreamWatermarks implements SplitWatermark {

    private static final String IDLE = "i";
    /** The longest entry: {@code Long.MIN_VALUE + 1} in decimal, the idle mark and a separator. */
    private static final int MAX_ENTRY_LENGTH = Long.toString(Long.MIN_VALUE + 1).length() + IDLE.length() + 1;

    private final long[] watermarks;
    private final boolean[] idle;

    /**
     * @param upstreamTasks how many tasks write the topic: the upstream stage's partition count
     */
    public UpstreamWatermarks(int upstreamTasks) {
        this.watermarks = new long[upstreamTasks];
        this.idle = new boolean[upstreamTasks];
        Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    /** The longest {@link #snapshot()} of a split with {@code upstreamTasks} upstream tasks. */
    public static int maxSnapshotLength(int upstreamTasks) {
        return upstreamTasks * MAX_ENTRY_LENGTH;
    }

    /**
     * Upstream task {@code upstream} reported its watermark. A watermark below one it reported
     * before (a restarted upstream replaying) changes nothing: its watermark never goes back.
     */
    public void onUpstreamWatermark(int upstream, long watermark, boolean upstreamIdle) {
        if (upstream < 0 || upstream >= watermarks.length) {
            throw new IllegalStateException("a watermark from upstream task " + upstream + " of "
                    + watermarks.length + ": the upstream stage's partition count changed");
        }
        watermarks[upstream] = Math.max(watermarks[upstream], watermark);
        idle[upstream] = upstreamIdle;
    }

    @Override
    public long watermark() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i]) {
                min = Math.min(min, watermarks[i]);
            }
        }
        return min == Long.MAX_VALUE ? Long.MIN_VALUE : min;
    }

    @Override
    public boolean isIdle() {
        for (boolean upstreamIdle : idle) {
            if (!upstreamIdle) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean checkIdleness(long now, BooleanSupplier caughtUp) {
        return false;
    }

    @Override
    public String snapshot() {
        StringJoiner joined = new StringJoiner(",");
        for (int i = 0; i < watermarks.length; i++) {
            joined.add((watermarks[i] == Long.MIN_VALUE ? "" : Long.toString(watermarks[i])) + (idle[i] ? IDLE : ""));
        }
        return joined.toString();
    }

    /** Resumes from a snapshot; one taken with another upstream task count starts afresh. */
    @Override
    public void restore(String snapshot) {
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(idle, false);
        if (snapshot.isEmpty()) {
            return;
        }
        String[] entries = snapshot.split(",", -1);
        if (entries.length != watermarks.length) {
            // The upstream stage was rescaled: wait for every upstream task of the new count to
            // report. The task's own watermark is restored apart and does not go back meanwhile.
            return;
        }
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            idle[i] = entry.endsWith(IDLE);
            String value = idle[i] ? entry.substring(0, entry.length() - 1) : entry;
            watermarks[i] = value.isEmpty() ? Long.MIN_VALUE : Long.parseLong(value);
        }
    }
}
