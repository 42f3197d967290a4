package dev.weir.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The arithmetic shared by tumbling and sliding assigners. */
final class TimeWindows {

    private TimeWindows() {
    }

    static long positiveMillis(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a window " + what + " must be a positive duration, was " + duration);
        }
        return duration.toMillis();
    }

    /** The windows of length {@code size}, starting every {@code slide} from {@code offset}, that hold {@code timestamp}. */
    static Collection<TimeWindow> sliding(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.windowStart(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    static long validOffset(Duration offset, long slide) {
        long millis = offset.toMillis();
        if (Math.abs(millis) >= slide) {
            throw new IllegalArgumentException("a window offset must be smaller than the window's slide: " + offset);
        }
        return millis;
    }

    /** Sessions: windows that overlap or touch merge, transitively, into one covering window. */
    static void mergeSessions(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow window : sorted) {
            if (cover != null && cover.intersects(window)) {
                cover = cover.cover(window);
                group.add(window);
                continue;
            }
            if (group.size() > 1) {
                callback.merge(group, cover);
            }
            group = new ArrayList<>();
            group.add(window);
            cover = window;
        }
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }
}
