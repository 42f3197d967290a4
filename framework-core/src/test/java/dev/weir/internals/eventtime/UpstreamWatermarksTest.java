package dev.weir.internals.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Proves a repartition split's watermark is the minimum over non-idle upstream tasks, monotonic per upstream, and snapshots exactly. */
class UpstreamWatermarksTest {

    @Test
    void watermarkIsTheMinimumUntilEveryUpstreamReported() {
        UpstreamWatermarks split = new UpstreamWatermarks(3);

        split.onUpstreamWatermark(0, 100, false);
        split.onUpstreamWatermark(2, 300, false);
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);

        split.onUpstreamWatermark(1, 200, false);
        assertThat(split.watermark()).isEqualTo(100);
        assertThat(split.isIdle()).isFalse();
    }

    @Test
    void anIdleUpstreamDoesNotHoldBackTheSplit() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        split.onUpstreamWatermark(0, 100, false);
        split.onUpstreamWatermark(1, 500, false);

        split.onUpstreamWatermark(0, 100, true);

        assertThat(split.watermark()).isEqualTo(500);
        assertThat(split.isIdle()).isFalse();

        split.onUpstreamWatermark(0, 150, false);
        assertThat(split.watermark()).as("it rejoins").isEqualTo(150);
    }

    @Test
    void theSplitIsIdleWhenAllUpstreamsAre() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        split.onUpstreamWatermark(0, 100, true);
        assertThat(split.isIdle()).isFalse();

        split.onUpstreamWatermark(1, 200, true);

        assertThat(split.isIdle()).isTrue();
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(split.checkIdleness(Long.MAX_VALUE, () -> true)).isFalse();
    }

    @Test
    void anUpstreamWatermarkNeverGoesBack() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        split.onUpstreamWatermark(0, 500, false);
        split.onUpstreamWatermark(1, 900, false);

        split.onUpstreamWatermark(0, 200, false);

        assertThat(split.watermark()).isEqualTo(500);
        assertThat(split.snapshot()).isEqualTo("500,900");
    }

    @Test
    void aReplayedLowerWatermarkStillUpdatesIdleness() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        split.onUpstreamWatermark(0, 500, false);
        split.onUpstreamWatermark(1, 900, false);

        split.onUpstreamWatermark(0, 200, true);

        assertThat(split.watermark()).isEqualTo(900);
        assertThat(split.snapshot()).isEqualTo("500i,900");
    }

    @Test
    void aWatermarkFromAnUnknownUpstreamFails() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);

        assertThatThrownBy(() -> split.onUpstreamWatermark(2, 1, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("upstream task 2 of 2");
        assertThatThrownBy(() -> split.onUpstreamWatermark(-1, 1, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotRoundTripsWatermarksMinimumsAndIdleFlags() {
        UpstreamWatermarks split = new UpstreamWatermarks(4);
        split.onUpstreamWatermark(0, 100, false);
        split.onUpstreamWatermark(1, -7, true);
        split.onUpstreamWatermark(3, Long.MIN_VALUE, true);

        assertThat(split.snapshot()).isEqualTo("100,-7i,,i");

        UpstreamWatermarks restored = new UpstreamWatermarks(4);
        restored.restore(split.snapshot());
        assertThat(restored.snapshot()).isEqualTo("100,-7i,,i");
        assertThat(restored.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(restored.isIdle()).isFalse();

        restored.onUpstreamWatermark(2, 300, false);
        assertThat(restored.watermark()).isEqualTo(100);
        restored.onUpstreamWatermark(1, -50, false);
        assertThat(restored.watermark()).as("the restored watermark does not go back").isEqualTo(-7);
    }

    @Test
    void restoreOfAllIdleUpstreamsKeepsTheSplitIdle() {
        UpstreamWatermarks restored = new UpstreamWatermarks(2);

        restored.restore("10i,i");

        assertThat(restored.isIdle()).isTrue();
        assertThat(restored.snapshot()).isEqualTo("10i,i");
    }

    @Test
    void emptySnapshotResetsToTheInitialState() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        split.onUpstreamWatermark(0, 100, true);
        split.onUpstreamWatermark(1, 200, true);

        split.restore("");

        assertThat(split.isIdle()).isFalse();
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(split.snapshot()).isEqualTo(",");
    }

    @Test
    void theLongestSnapshotIsWithinItsAnnouncedMaximum() {
        UpstreamWatermarks split = new UpstreamWatermarks(4);
        for (int upstream = 0; upstream < 4; upstream++) {
            split.onUpstreamWatermark(upstream, Long.MIN_VALUE + 1, true);
        }

        assertThat(split.snapshot().length()).isLessThanOrEqualTo(UpstreamWatermarks.maxSnapshotLength(4));
        assertThat(TaskWatermark.maxMetadataLength(UpstreamWatermarks.maxSnapshotLength(185))).isLessThanOrEqualTo(4096);
        assertThat(TaskWatermark.maxMetadataLength(UpstreamWatermarks.maxSnapshotLength(186))).isGreaterThan(4096);
    }

    @Test
    void aSnapshotOfAnotherUpstreamCountStartsAfreshWaitingForEveryUpstreamTask() {
        UpstreamWatermarks split = new UpstreamWatermarks(3);
        split.onUpstreamWatermark(0, 500, false);

        split.restore("100,200");

        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        split.onUpstreamWatermark(0, 300, false);
        split.onUpstreamWatermark(1, 400, false);
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        split.onUpstreamWatermark(2, 350, false);
        assertThat(split.watermark()).isEqualTo(300);
    }

    @Test
    void restoringAMalformedEntryFails() {
        UpstreamWatermarks split = new UpstreamWatermarks(2);

        assertThatThrownBy(() -> split.restore("1,x")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("x");
    }
}
