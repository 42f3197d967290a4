package dev.weir.internals.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Proves a source split's bounded-out-of-orderness watermark, its idleness judged at checks, and its snapshot. */
class SourceSplitWatermarkTest {

    private static final long NO_IDLENESS = -1;

    @Test
    void watermarkIsTheMinimumUntilARecordIsSeen() {
        SourceSplitWatermark split = new SourceSplitWatermark(100, NO_IDLENESS, 0);

        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(split.isIdle()).isFalse();
    }

    @Test
    void watermarkTrailsTheHighestTimestampByTheBoundPlusOne() {
        SourceSplitWatermark split = new SourceSplitWatermark(100, NO_IDLENESS, 0);

        split.onTimestamp(1_000);
        assertThat(split.watermark()).isEqualTo(899);
        split.onTimestamp(950);
        assertThat(split.watermark()).isEqualTo(899);
        split.onTimestamp(1_500);
        assertThat(split.watermark()).isEqualTo(1_399);
    }

    @Test
    void watermarkDoesNotUnderflowForTimestampsNearTheMinimum() {
        SourceSplitWatermark split = new SourceSplitWatermark(10, NO_IDLENESS, 0);

        split.onTimestamp(Long.MIN_VALUE + 5);
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
        split.onTimestamp(Long.MIN_VALUE + 12);
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE + 1);
    }

    @Test
    void aSplitWithoutRecordsBecomesIdleOnceTheTimeoutPassesSinceAssignment() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, 1_000, 5_000);

        assertThat(split.checkIdleness(5_999, () -> true)).isFalse();
        assertThat(split.isIdle()).isFalse();
        assertThat(split.checkIdleness(6_000, () -> true)).isTrue();
        assertThat(split.isIdle()).isTrue();
        assertThat(split.checkIdleness(9_000, () -> true)).as("already idle: no change").isFalse();
        assertThat(split.isIdle()).isTrue();
    }

    @Test
    void aSplitWithRecordsStillToReadIsNeverIdleAndItsTimeoutRestartsOnceCaughtUp() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, 1_000, 0);

        assertThat(split.checkIdleness(5_000, () -> false)).as("lagging, not idle").isFalse();
        assertThat(split.isIdle()).isFalse();
        assertThat(split.checkIdleness(5_999, () -> true)).as("caught up, but only just").isFalse();
        assertThat(split.checkIdleness(6_000, () -> true)).isTrue();
        assertThat(split.isIdle()).isTrue();
    }

    @Test
    void aRecordSinceTheLastCheckRestartsTheIdlenessTimeoutFromThatCheck() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, 1_000, 0);

        split.onTimestamp(10);
        assertThat(split.checkIdleness(900, () -> true)).isFalse();
        assertThat(split.checkIdleness(1_899, () -> true)).isFalse();
        assertThat(split.isIdle()).isFalse();
        assertThat(split.checkIdleness(1_900, () -> true)).isTrue();
        assertThat(split.isIdle()).isTrue();
    }

    @Test
    void anIdleSplitRejoinsWithItsNextRecordAndCanGoIdleAgain() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, 1_000, 0);
        split.onTimestamp(50);
        split.checkIdleness(0, () -> true);
        assertThat(split.checkIdleness(1_000, () -> true)).isTrue();

        split.onTimestamp(40);

        assertThat(split.isIdle()).isFalse();
        assertThat(split.watermark()).as("an older record does not lower it").isEqualTo(49);
        assertThat(split.checkIdleness(1_500, () -> true)).isFalse();
        assertThat(split.checkIdleness(2_499, () -> true)).isFalse();
        assertThat(split.checkIdleness(2_500, () -> true)).isTrue();
        assertThat(split.isIdle()).isTrue();
    }

    @Test
    void withoutATimeoutASplitNeverBecomesIdle() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, NO_IDLENESS, 0);

        assertThat(split.checkIdleness(Long.MAX_VALUE / 2, () -> true)).isFalse();
        assertThat(split.isIdle()).isFalse();
    }

    @Test
    void snapshotRoundTripsTheHighestTimestamp() {
        SourceSplitWatermark split = new SourceSplitWatermark(100, NO_IDLENESS, 0);
        split.onTimestamp(1_000);
        split.onTimestamp(700);

        assertThat(split.snapshot()).isEqualTo("1000");
        SourceSplitWatermark restored = new SourceSplitWatermark(100, NO_IDLENESS, 0);
        restored.restore(split.snapshot());
        assertThat(restored.watermark()).isEqualTo(899);
        restored.onTimestamp(999);
        assertThat(restored.watermark()).as("the restored maximum still holds").isEqualTo(899);
    }

    @Test
    void snapshotOfASplitWithoutTimestampIsEmptyAndRestoresToTheInitialState() {
        SourceSplitWatermark split = new SourceSplitWatermark(100, NO_IDLENESS, 0);
        assertThat(split.snapshot()).isEmpty();

        SourceSplitWatermark restored = new SourceSplitWatermark(100, NO_IDLENESS, 0);
        restored.onTimestamp(5_000);
        restored.restore("");
        assertThat(restored.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(restored.snapshot()).isEmpty();
    }

    @Test
    void restoreClearsIdlenessAndResumesTheHighestTimestamp() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, 1_000, 0);
        split.checkIdleness(1_000, () -> true);
        assertThat(split.isIdle()).isTrue();

        split.restore("42");

        assertThat(split.isIdle()).isFalse();
        assertThat(split.watermark()).isEqualTo(41);
    }

    @Test
    void restoringAMalformedSnapshotFails() {
        SourceSplitWatermark split = new SourceSplitWatermark(0, NO_IDLENESS, 0);

        assertThatThrownBy(() -> split.restore("12x")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("12x");
    }
}
