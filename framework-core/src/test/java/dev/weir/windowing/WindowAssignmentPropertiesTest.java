package dev.weir.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the time-window assigners against a brute-force reference: every aligned window
 * of the right length that contains the timestamp, and no other, for any size, slide, offset and
 * timestamp (negative ones included).
 */
class WindowAssignmentPropertiesTest {

    private static final long NO_PROCESSING_TIME = 0;

    @Property(tries = 200)
    void tumblingWindowsPutEachTimestampInExactlyOneWindowAlignedToTheOffset(
            @ForAll @LongRange(min = 1, max = 1_000_000) long size,
            @ForAll @LongRange(min = -999_999, max = 999_999) long rawOffset,
            @ForAll @LongRange(min = -10_000_000_000_000L, max = 10_000_000_000_000L) long timestamp) {
        long offset = rawOffset % size;
        TumblingEventTimeWindows<Object> assigner =
                TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset));

        Collection<TimeWindow> windows = assigner.assignWindows("element", timestamp, NO_PROCESSING_TIME);

        assertThat(windows).hasSize(1);
        TimeWindow window = windows.iterator().next();
        assertThat(window.end() - window.start()).isEqualTo(size);
        assertThat(window.start()).isLessThanOrEqualTo(timestamp);
        assertThat(timestamp).isLessThan(window.end());
        assertThat(window.maxTimestamp()).isEqualTo(window.end() - 1).isGreaterThanOrEqualTo(timestamp);
        assertThat(Math.floorMod(window.start() - offset, size)).isZero();
    }

    @Property(tries = 200)
    void tumblingProcessingTimeWindowsAssignByTheClockAndIgnoreTheEventTimestamp(
            @ForAll @LongRange(min = 1, max = 1_000_000) long size,
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long now,
            @ForAll long eventTimestamp) {
        TumblingProcessingTimeWindows<Object> assigner = TumblingProcessingTimeWindows.of(Duration.ofMillis(size));

        Collection<TimeWindow> windows = assigner.assignWindows("element", eventTimestamp, now);

        long start = now - Math.floorMod(now, size);
        assertThat(windows).containsExactly(new TimeWindow(start, start + size));
    }

    @Property(tries = 200)
    void slidingWindowsAreExactlyTheAlignedWindowsThatContainTheTimestamp(
            @ForAll @LongRange(min = 1, max = 10_000) long slide,
            @ForAll @LongRange(min = 1, max = 60) long slidesPerWindow,
            @ForAll @LongRange(min = 0, max = 9_999) long extra,
            @ForAll @LongRange(min = -9_999, max = 9_999) long rawOffset,
            @ForAll @LongRange(min = -10_000_000_000_000L, max = 10_000_000_000_000L) long timestamp) {
        // Any size from one slide to 60 slides plus a remainder, so size % slide is often non-zero.
        long size = Math.max(1, (slidesPerWindow - 1) * slide + extra % slide + 1);
        long offset = rawOffset % slide;
        SlidingEventTimeWindows<Object> assigner =
                SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));

        List<TimeWindow> windows = new ArrayList<>(assigner.assignWindows("element", timestamp, NO_PROCESSING_TIME));

        assertThat(windows).containsExactlyInAnyOrderElementsOf(referenceSlidingWindows(timestamp, size, slide, offset));
        assertThat(windows).doesNotHaveDuplicates();
        for (TimeWindow window : windows) {
            assertThat(window.end() - window.start()).isEqualTo(size);
            assertThat(window.start()).isLessThanOrEqualTo(timestamp);
            assertThat(timestamp).isLessThan(window.end());
            assertThat(Math.floorMod(window.start() - offset, slide)).isZero();
        }
        List<Long> starts = windows.stream().map(TimeWindow::start).sorted().toList();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isEqualTo(slide);
        }
        // ceil(size / slide) is only an upper bound: when slide does not divide size, a timestamp
        // near the end of the latest window belongs to one window fewer.
        long floor = size / slide;
        long ceil = (size + slide - 1) / slide;
        assertThat((long) windows.size()).isBetween(floor, ceil);
        if (size % slide == 0) {
            assertThat((long) windows.size()).isEqualTo(size / slide);
        }
    }

    @Property(tries = 100)
    void slidingWindowsWhoseSizeIsAMultipleOfTheSlideAlwaysNumberSizeOverSlide(
            @ForAll @LongRange(min = 1, max = 10_000) long slide,
            @ForAll @LongRange(min = 1, max = 60) long slidesPerWindow,
            @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long timestamp) {
        long size = slide * slidesPerWindow;
        SlidingEventTimeWindows<Object> assigner =
                SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide));

        Collection<TimeWindow> windows = assigner.assignWindows("element", timestamp, NO_PROCESSING_TIME);

        assertThat(windows).hasSize((int) slidesPerWindow);
    }

    @Property(tries = 100)
    void slidingWindowsWithTheSlideEqualToTheSizeAreTheTumblingWindows(
            @ForAll @LongRange(min = 1, max = 1_000_000) long size,
            @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long timestamp) {
        Collection<TimeWindow> sliding = SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(size))
                .assignWindows("element", timestamp, NO_PROCESSING_TIME);
        Collection<TimeWindow> tumbling = TumblingEventTimeWindows.of(Duration.ofMillis(size))
                .assignWindows("element", timestamp, NO_PROCESSING_TIME);

        assertThat(sliding).containsExactlyElementsOf(tumbling);
    }

    @Property(tries = 100)
    void sessionAssignerOpensTheWindowFromTheTimestampToTheTimestampPlusTheGap(
            @ForAll @LongRange(min = 1, max = 1_000_000) long gap,
            @ForAll @LongRange(min = -10_000_000_000_000L, max = 10_000_000_000_000L) long timestamp) {
        Collection<TimeWindow> windows = EventTimeSessionWindows.withGap(Duration.ofMillis(gap))
                .assignWindows("element", timestamp, NO_PROCESSING_TIME);

        assertThat(windows).containsExactly(new TimeWindow(timestamp, timestamp + gap));
    }

    @Property(tries = 200)
    void windowStartIsTheAlignedStartAtOrBeforeTheTimestamp(
            @ForAll @LongRange(min = 1, max = 1_000_000) long size,
            @ForAll @LongRange(min = -999_999, max = 999_999) long rawOffset,
            @ForAll @LongRange(min = -10_000_000_000_000L, max = 10_000_000_000_000L) long timestamp) {
        long offset = rawOffset % size;

        long start = TimeWindow.windowStart(timestamp, offset, size);

        assertThat(start).isEqualTo(timestamp - Math.floorMod(timestamp - offset, size));
    }

    @Example
    void negativeTimestampsFallInTheWindowBelowZeroNotTheOneStartingAtZero() {
        TumblingEventTimeWindows<Object> assigner = TumblingEventTimeWindows.of(Duration.ofMillis(20));

        assertThat(assigner.assignWindows("e", -1, NO_PROCESSING_TIME)).containsExactly(new TimeWindow(-20, 0));
        assertThat(assigner.assignWindows("e", -20, NO_PROCESSING_TIME)).containsExactly(new TimeWindow(-20, 0));
        assertThat(assigner.assignWindows("e", -21, NO_PROCESSING_TIME)).containsExactly(new TimeWindow(-40, -20));
        assertThat(assigner.assignWindows("e", 0, NO_PROCESSING_TIME)).containsExactly(new TimeWindow(0, 20));
    }

    @Example
    void aSlidingSizeThatIsNotAMultipleOfTheSlideGivesSomeTimestampsOneWindowFewer() {
        SlidingEventTimeWindows<Object> assigner = SlidingEventTimeWindows.of(Duration.ofMillis(3), Duration.ofMillis(2));

        assertThat(assigner.assignWindows("e", 2, NO_PROCESSING_TIME))
                .containsExactlyInAnyOrder(new TimeWindow(0, 3), new TimeWindow(2, 5));
        assertThat(assigner.assignWindows("e", 3, NO_PROCESSING_TIME)).containsExactly(new TimeWindow(2, 5));
    }

    @Example
    void windowsThatTouchIntersectSoSessionsThatTouchMerge() {
        assertThat(new TimeWindow(0, 10).intersects(new TimeWindow(10, 20))).isTrue();
        assertThat(new TimeWindow(10, 20).intersects(new TimeWindow(0, 10))).isTrue();
        assertThat(new TimeWindow(0, 10).intersects(new TimeWindow(11, 20))).isFalse();
    }

    /** Brute force: every window {@code [offset + k * slide, + size)} around the timestamp that contains it. */
    private static List<TimeWindow> referenceSlidingWindows(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>();
        long firstK = Math.floorDiv(timestamp - size - offset, slide) - 1;
        long lastK = Math.floorDiv(timestamp - offset, slide) + 1;
        for (long k = firstK; k <= lastK; k++) {
            long start = offset + k * slide;
            if (start <= timestamp && timestamp < start + size) {
                windows.add(new TimeWindow(start, start + size));
            }
        }
        return windows;
    }
}
