package dev.weir.internals.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Proves a task's watermark is the monotonic minimum over non-idle splits and that its offset-metadata checkpoint resumes it exactly. */
class TaskWatermarkTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
    private static final TopicPartition REPARTITION_0 = new TopicPartition("app-repartition", 0);
    private static final long TIMEOUT = 1_000;

    @Test
    void watermarkIsTheMinimumOverSplitsOnceEveryOneHasAWatermark() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark a = new SourceSplitWatermark(0, TIMEOUT, 0);
        SourceSplitWatermark b = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, a, true);
        task.addSplit(ORDERS_1, b, true);

        a.onTimestamp(101);
        assertThat(task.advance()).isFalse();
        assertThat(task.current()).isEqualTo(Long.MIN_VALUE);

        b.onTimestamp(301);
        assertThat(task.advance()).isTrue();
        assertThat(task.current()).isEqualTo(100);
        assertThat(task.advance()).as("nothing new").isFalse();
    }

    @Test
    void theWatermarkNeverGoesBack() {
        TaskWatermark task = new TaskWatermark();
        UpstreamWatermarks split = new UpstreamWatermarks(2);
        task.addSplit(REPARTITION_0, split, true);
        split.onUpstreamWatermark(0, 500, false);
        split.onUpstreamWatermark(1, 700, false);
        assertThat(task.advance()).isTrue();

        split.onUpstreamWatermark(0, 500, true);
        assertThat(task.advance()).isTrue();
        assertThat(task.current()).isEqualTo(700);
        split.onUpstreamWatermark(0, 600, false);

        assertThat(task.advance()).isFalse();
        assertThat(task.current()).isEqualTo(700);
    }

    @Test
    void anIdleSplitStopsHoldingBackTheTaskAndRejoinsWithItsNextRecord() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark busy = new SourceSplitWatermark(0, TIMEOUT, 0);
        SourceSplitWatermark quiet = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, busy, true);
        task.addSplit(ORDERS_1, quiet, true);
        busy.onTimestamp(5_001);
        quiet.onTimestamp(1_001);
        assertThat(task.checkIdleness(0, p -> true)).isFalse();
        task.advance();
        assertThat(task.current()).isEqualTo(1_000);

        busy.onTimestamp(6_001);
        assertThat(task.checkIdleness(TIMEOUT, p -> true)).as("the quiet split goes idle").isTrue();
        assertThat(quiet.isIdle()).isTrue();
        assertThat(task.isIdle()).isFalse();
        assertThat(task.advance()).isTrue();
        assertThat(task.current()).isEqualTo(6_000);

        quiet.onTimestamp(2_001);
        assertThat(quiet.isIdle()).isFalse();
        busy.onTimestamp(9_001);
        assertThat(task.advance()).as("the rejoined split holds it back, without a rewind").isFalse();
        assertThat(task.current()).isEqualTo(6_000);
        quiet.onTimestamp(7_001);
        assertThat(task.advance()).isTrue();
        assertThat(task.current()).isEqualTo(7_000);
    }

    @Test
    void theTaskIsIdleOnlyWhenEverySplitIsAndThenKeepsItsWatermark() {
        TaskWatermark task = new TaskWatermark();
        assertThat(task.isIdle()).as("no splits").isFalse();
        SourceSplitWatermark a = new SourceSplitWatermark(0, TIMEOUT, 0);
        SourceSplitWatermark b = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, a, true);
        task.addSplit(ORDERS_1, b, true);
        a.onTimestamp(11);
        b.onTimestamp(21);
        task.checkIdleness(0, p -> true);
        task.advance();

        assertThat(task.checkIdleness(TIMEOUT, p -> true)).isTrue();
        assertThat(task.isIdle()).isTrue();
        assertThat(task.advance()).isFalse();
        assertThat(task.current()).isEqualTo(10);
    }

    @Test
    void aSplitWithoutEventTimeHoldsTheWatermarkAtTheMinimum() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark timed = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, timed, true);
        task.addSplit(ORDERS_1, new NoSplitWatermark(), false);
        timed.onTimestamp(1_000);

        assertThat(task.hasEventTime()).isTrue();
        assertThat(task.checkIdleness(10 * TIMEOUT, p -> true)).isFalse();
        assertThat(task.advance()).isFalse();
        assertThat(task.current()).isEqualTo(Long.MIN_VALUE);
        assertThat(task.metadata(ORDERS_1)).isEqualTo("wm1;" + Long.MIN_VALUE + ";");
    }

    @Test
    void aTaskWithoutEventTimeCheckpointsNothing() {
        TaskWatermark task = new TaskWatermark();
        task.addSplit(ORDERS_0, new NoSplitWatermark(), false);

        assertThat(task.hasEventTime()).isFalse();
        assertThat(task.metadata(ORDERS_0)).isEmpty();
    }

    @Test
    void metadataCarriesTheTaskWatermarkAndTheSplitSnapshot() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark source = new SourceSplitWatermark(10, TIMEOUT, 0);
        UpstreamWatermarks upstream = new UpstreamWatermarks(2);
        task.addSplit(ORDERS_0, source, true);
        task.addSplit(REPARTITION_0, upstream, true);
        assertThat(task.metadata(ORDERS_0)).isEqualTo("wm1;" + Long.MIN_VALUE + ";");

        source.onTimestamp(1_011);
        upstream.onUpstreamWatermark(0, 2_000, false);
        upstream.onUpstreamWatermark(1, 3_000, true);
        task.advance();

        assertThat(task.metadata(ORDERS_0)).isEqualTo("wm1;1000;1011");
        assertThat(task.metadata(REPARTITION_0)).isEqualTo("wm1;1000;2000,3000i");
    }

    @Test
    void restoreRoundTripsTheWatermarkAndEverySplit() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark source = new SourceSplitWatermark(10, TIMEOUT, 0);
        UpstreamWatermarks upstream = new UpstreamWatermarks(2);
        task.addSplit(ORDERS_0, source, true);
        task.addSplit(REPARTITION_0, upstream, true);
        source.onTimestamp(1_011);
        upstream.onUpstreamWatermark(0, 2_000, false);
        upstream.onUpstreamWatermark(1, 3_000, true);
        task.advance();
        Map<TopicPartition, String> committed = Map.of(
                ORDERS_0, task.metadata(ORDERS_0), REPARTITION_0, task.metadata(REPARTITION_0));

        TaskWatermark restarted = new TaskWatermark();
        SourceSplitWatermark restoredSource = new SourceSplitWatermark(10, TIMEOUT, 0);
        UpstreamWatermarks restoredUpstream = new UpstreamWatermarks(2);
        restarted.addSplit(ORDERS_0, restoredSource, true);
        restarted.addSplit(REPARTITION_0, restoredUpstream, true);
        restarted.restore(committed);

        assertThat(restarted.current()).isEqualTo(1_000);
        assertThat(restoredSource.watermark()).isEqualTo(1_000);
        assertThat(restoredUpstream.watermark()).isEqualTo(2_000);
        assertThat(restoredUpstream.snapshot()).isEqualTo("2000,3000i");
        assertThat(restarted.metadata(ORDERS_0)).isEqualTo(committed.get(ORDERS_0));
        assertThat(restarted.metadata(REPARTITION_0)).isEqualTo(committed.get(REPARTITION_0));
    }

    @Test
    void restoreResumesTheCommittedWatermarkWithoutRewindingOrJumping() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark a = new SourceSplitWatermark(0, TIMEOUT, 0);
        SourceSplitWatermark b = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, a, true);
        task.addSplit(ORDERS_1, b, true);
        task.advance();
        assertThat(task.current()).as("an unrelated value before the restore").isEqualTo(Long.MIN_VALUE);

        // orders-1 was idle at the commit, so its own watermark is below the task's;
        // orders-0's split is ahead of the task watermark, which had not been advanced yet.
        task.restore(Map.of(ORDERS_0, "wm1;500;901", ORDERS_1, "wm1;500;201"));

        assertThat(task.current()).as("resumed exactly, no jump to the splits' minimum or maximum").isEqualTo(500);
        assertThat(task.advance()).as("the split restored below it does not rewind it").isFalse();
        assertThat(task.current()).isEqualTo(500);

        b.onTimestamp(1_001);
        assertThat(task.advance()).isTrue();
        assertThat(task.current()).isEqualTo(900);
    }

    @Test
    void restoreTakesTheLatestCommittedWatermarkWhenSplitsCommittedAtDifferentTimes() {
        TaskWatermark task = new TaskWatermark();
        task.addSplit(ORDERS_0, new SourceSplitWatermark(0, TIMEOUT, 0), true);
        task.addSplit(ORDERS_1, new SourceSplitWatermark(0, TIMEOUT, 0), true);

        task.restore(Map.of(ORDERS_0, "wm1;300;400", ORDERS_1, "wm1;700;800"));

        assertThat(task.current()).isEqualTo(700);
        assertThat(task.advance()).isFalse();
        assertThat(task.current()).isEqualTo(700);
    }

    @Test
    void aSplitWithoutWatermarkMetadataStartsAfresh() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark known = new SourceSplitWatermark(0, TIMEOUT, 0);
        SourceSplitWatermark fresh = new SourceSplitWatermark(0, TIMEOUT, 0);
        UpstreamWatermarks other = new UpstreamWatermarks(2);
        task.addSplit(ORDERS_0, known, true);
        task.addSplit(ORDERS_1, fresh, true);
        task.addSplit(REPARTITION_0, other, true);
        fresh.onTimestamp(9_999);
        other.onUpstreamWatermark(0, 5, true);
        Map<TopicPartition, String> committed = new HashMap<>();
        committed.put(ORDERS_0, "wm1;400;401");
        committed.put(REPARTITION_0, "someone else's metadata");

        task.restore(committed);

        assertThat(task.current()).isEqualTo(400);
        assertThat(fresh.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(other.snapshot()).isEqualTo(",");
        assertThat(known.watermark()).isEqualTo(400);
    }

    @Test
    void restoreWithoutAnyMetadataStartsFromTheMinimum() {
        TaskWatermark task = new TaskWatermark();
        SourceSplitWatermark split = new SourceSplitWatermark(0, TIMEOUT, 0);
        task.addSplit(ORDERS_0, split, true);
        split.onTimestamp(101);
        task.advance();

        task.restore(Map.of());

        assertThat(task.current()).isEqualTo(Long.MIN_VALUE);
        assertThat(split.watermark()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void restoringMetadataWithoutTheSplitSeparatorFailsNamingTheSplit() {
        TaskWatermark task = new TaskWatermark();
        task.addSplit(ORDERS_0, new SourceSplitWatermark(0, TIMEOUT, 0), true);

        assertThatThrownBy(() -> task.restore(Map.of(ORDERS_0, "wm1;500")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders-0").hasMessageContaining("wm1;500");
    }

    @Test
    void restoringANonNumericWatermarkFailsNamingTheSplitAndTheMetadata() {
        TaskWatermark task = new TaskWatermark();
        task.addSplit(ORDERS_0, new SourceSplitWatermark(0, TIMEOUT, 0), true);

        assertThatThrownBy(() -> task.restore(Map.of(ORDERS_0, "wm1;five;501")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders-0").hasMessageContaining("wm1;five;501")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void restoringANonNumericSplitSnapshotFailsNamingTheSplit() {
        TaskWatermark task = new TaskWatermark();
        task.addSplit(ORDERS_0, new SourceSplitWatermark(0, TIMEOUT, 0), true);

        assertThatThrownBy(() -> task.restore(Map.of(ORDERS_0, "wm1;500;50x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders-0");
    }
}
