package dev.weir.windowing;

import java.util.Objects;

/** A window of time {@code [start, end)}, in epoch milliseconds. */
public final class TimeWindow extends Window {

    private final long start;
    private final long end;

    /**
     * The window {@code [start, end)}.
     *
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public TimeWindow(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("a time window must end after it starts: [" + start + ", " + end + ")");
        }
        this.start = start;
        this.end = end;
    }

    /** The first timestamp in the window. */
    public long start() {
        return start;
    }

    /** The first timestamp after the window. */
    public long end() {
        return end;
    }

    /** {@code end - 1}: a window fires when the watermark reaches it. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether this window and {@code other} share a timestamp or touch. */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that covers this one and {@code other}. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code size}, aligned to the epoch plus {@code offset},
     * that holds {@code timestamp}; right for negative timestamps too.
     */
    public static long windowStart(long timestamp, long offset, long size) {
        long remainder = (timestamp - offset) % size;
        return remainder < 0 ? timestamp - (remainder + size) : timestamp - remainder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow other && start == other.start && end == other.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return "TimeWindow[" + start + ", " + end + ")";
    }
}
