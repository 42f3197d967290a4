package dev.weir.internals.windowing;

import static dev.weir.internals.windowing.WindowTestFunctions.count;
import static dev.weir.internals.windowing.WindowTestFunctions.sortedElements;
import static dev.weir.internals.windowing.WindowTestFunctions.withKeyAndWindow;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.internals.windowing.WindowOperatorHarness.Emitted;
import dev.weir.internals.windowing.WindowOperatorHarness.Late;
import dev.weir.internals.windowing.WindowOperatorHarness.SinkRecord;
import dev.weir.internals.windowing.WindowTestFunctions.Result;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import dev.weir.windowing.CountTrigger;
import dev.weir.windowing.EventTimeSessionWindows;
import dev.weir.windowing.GlobalWindow;
import dev.weir.windowing.GlobalWindows;
import dev.weir.windowing.ProcessingTimeSessionWindows;
import dev.weir.windowing.PurgingTrigger;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.SlidingProcessingTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.TumblingEventTimeWindows;
import dev.weir.windowing.TumblingProcessingTimeWindows;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Example-based tests of the window operator driven through {@link WindowOperatorHarness} over real
 * RocksDB state: when windows fire, with what, what is late, and that window state survives a
 * restart.
 */
class WindowOperatorTest {

    private static final String SENSOR = "sensor";
    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<Long> LONGS = Serdes.Long();

    @TempDir
    Path directory;

    private WindowOperatorHarness<String, Long, ?> harness;

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    private <OUT> WindowOperatorHarness<String, Long, OUT> open(WindowOperatorHarness.OperatorFactory<String, Long, OUT> factory) {
        WindowOperatorHarness<String, Long, OUT> opened = WindowOperatorHarness.open(directory, KEYS, factory);
        harness = opened;
        return opened;
    }

    /**
     * The classic example: tumbling event-time windows of 20 ms, a source with a bounded
     * out-of-orderness of 4 ms (its watermark trails the largest timestamp seen by 4 + 1), and an
     * element stream that is out of order. Every element's value is its timestamp.
     */
    @Nested
    class BoundedOutOfOrdernessWithTumblingWindows {

        private static final long OUT_OF_ORDERNESS = 4;
        private long maxTimestamp = Long.MIN_VALUE;
        private WindowOperatorHarness<String, Long, Result<Long>> counts;

        private void openCounting(long allowedLatenessMillis) {
            counts = open(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(20)))
                    .allowedLateness(ofMillis(allowedLatenessMillis))
                    .sideOutputLateData(late)
                    .aggregate(count(), LONGS, withKeyAndWindow())));
        }

        /** Sends an element, then moves the watermark as the source would: max timestamp - 4 - 1. */
        private void send(long timestamp) {
            counts.processElement(SENSOR, timestamp, timestamp);
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            counts.advanceWatermark(maxTimestamp - OUT_OF_ORDERNESS - 1);
        }

        @Test
        void theWindowFiresExactlyWhenTheWatermarkReachesItsMaxTimestampAndLaterElementsAreLate() {
            openCounting(0);

            // 1, 5, 3, 19, 12: all in [0, 20), out of order; the watermark is now 19 - 5 = 14.
            for (long timestamp : new long[] {1, 5, 3, 19, 12}) {
                send(timestamp);
            }
            assertThat(counts.watermark()).isEqualTo(14);
            assertThat(counts.emitted()).isEmpty();

            // 23 opens [20, 40) and lifts the watermark to 18, one short of [0, 20)'s max timestamp 19.
            send(23);
            assertThat(counts.watermark()).isEqualTo(18);
            assertThat(counts.emitted()).isEmpty();

            // 17 is out of order but not late: the watermark (18) has not reached 19.
            send(17);
            assertThat(counts.emitted()).isEmpty();
            assertThat(counts.late()).isEmpty();

            // 24 lifts the watermark to 19: [0, 20) fires with 1, 5, 3, 19, 12, 17, stamped 19.
            send(24);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(0, 20), 6L), 19, 19, 0));

            // 18 arrives behind the watermark: its window is gone, it goes to the late output.
            send(18);
            assertThat(counts.drainLate()).containsExactly(new Late<>(18L, 18, 19));
            assertThat(counts.emitted()).isEmpty();

            // 30 and 21 are on time for [20, 40); 45 lifts the watermark to 40, past 39.
            send(30);
            send(21);
            assertThat(counts.watermark()).isEqualTo(25);
            assertThat(counts.emitted()).isEmpty();
            send(45);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(20, 40), 4L), 39, 40, 0));

            // 2 is far behind; 38 is in [20, 40), which already fired and is gone.
            send(2);
            send(38);
            assertThat(counts.drainLate()).containsExactly(new Late<>(2L, 2, 40), new Late<>(38L, 38, 40));

            counts.advanceWatermark(Long.MAX_VALUE);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(40, 60), 1L), 59, Long.MAX_VALUE, 0));
            assertThat(counts.late()).isEmpty();
        }

        @Test
        void withAllowedLatenessALateElementFiresTheWindowAgainUntilTheWatermarkReachesEndMinusOnePlusLateness() {
            // [0, 20) is kept until the watermark reaches 19 + 10 = 29.
            openCounting(10);

            for (long timestamp : new long[] {1, 5, 3, 19, 12, 23, 17}) {
                send(timestamp);
            }
            assertThat(counts.emitted()).isEmpty();
            send(24);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(0, 20), 6L), 19, 19, 0));

            // 18 is behind the watermark but within the lateness: the window fires again at once, updated.
            send(18);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(0, 20), 7L), 19, 19, 0));
            assertThat(counts.late()).isEmpty();

            // 33 lifts the watermark to 28: the window is still kept, and 16 (16 + 10 <= 28) still counts.
            send(33);
            assertThat(counts.watermark()).isEqualTo(28);
            assertThat(counts.emitted()).isEmpty();
            send(16);
            assertThat(counts.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>(SENSOR, new TimeWindow(0, 20), 8L), 19, 28, 0));
            assertThat(counts.late()).isEmpty();

            // 34 lifts the watermark to 29 = end - 1 + lateness: the window is dropped without firing.
            send(34);
            assertThat(counts.watermark()).isEqualTo(29);
            assertThat(counts.emitted()).isEmpty();

            // From now on an element of [0, 20) is late.
            send(15);
            assertThat(counts.drainLate()).containsExactly(new Late<>(15L, 15, 29));
            assertThat(counts.emitted()).isEmpty();

            // [20, 40) holds 23, 24, 33 and 34.
            counts.advanceWatermark(Long.MAX_VALUE);
            assertThat(counts.values()).containsExactly(new Result<>(SENSOR, new TimeWindow(20, 40), 4L));
        }
    }

    @Nested
    class SlidingWindows {

        @Test
        void anElementCountsInEverySlidingWindowThatContainsItAndEachFiresAtItsOwnEnd() {
            WindowOperatorHarness<String, Long, Result<Long>> sliding = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(SlidingEventTimeWindows.<Long>of(ofMillis(10), ofMillis(5)))
                            .sideOutputLateData(late)
                            .aggregate(count(), LONGS, withKeyAndWindow())));
            sliding.processElement("a", 1, 1L);   // [-5, 5) and [0, 10)
            sliding.processElement("a", 6, 6L);   // [0, 10) and [5, 15)
            sliding.processElement("a", 12, 12L); // [5, 15) and [10, 20)
            sliding.processElement("b", 7, 7L);   // [0, 10) and [5, 15)

            sliding.advanceWatermark(3);
            assertThat(sliding.emitted()).isEmpty();
            sliding.advanceWatermark(4);
            assertThat(sliding.drainEmitted()).extracting(Emitted::value).containsExactly(
                    new Result<>("a", new TimeWindow(-5, 5), 1L));
            sliding.advanceWatermark(9);
            assertThat(sliding.drainEmitted()).extracting(Emitted::value).containsExactlyInAnyOrder(
                    new Result<>("a", new TimeWindow(0, 10), 2L), new Result<>("b", new TimeWindow(0, 10), 1L));
            sliding.advanceWatermark(19);
            assertThat(sliding.drainEmitted()).extracting(Emitted::value).containsExactlyInAnyOrder(
                    new Result<>("a", new TimeWindow(5, 15), 2L), new Result<>("b", new TimeWindow(5, 15), 1L),
                    new Result<>("a", new TimeWindow(10, 20), 1L));
        }

        @Test
        void anElementLateForOnlySomeOfItsSlidingWindowsCountsInTheOthersAndIsNotLate() {
            WindowOperatorHarness<String, Long, Result<Long>> sliding = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(SlidingEventTimeWindows.<Long>of(ofMillis(10), ofMillis(5)))
                            .sideOutputLateData(late)
                            .aggregate(count(), LONGS, withKeyAndWindow())));
            sliding.advanceWatermark(12);

            // 8 belongs to [0, 10), gone since the watermark passed 9, and to [5, 15), still open.
            sliding.processElement("a", 8, 8L);
            assertThat(sliding.late()).isEmpty();
            // 4 belongs to [-5, 5) and [0, 10): both gone.
            sliding.processElement("a", 4, 4L);
            assertThat(sliding.late()).containsExactly(new Late<>(4L, 4, 12));

            sliding.advanceWatermark(Long.MAX_VALUE);
            assertThat(sliding.values()).containsExactly(new Result<>("a", new TimeWindow(5, 15), 1L));
        }
    }

    @Nested
    class SessionWindows {

        private WindowOperatorHarness<String, Long, Result<List<Long>>> openSessions(long gap) {
            return open(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(EventTimeSessionWindows.<Long>withGap(ofMillis(gap)))
                    .sideOutputLateData(late)
                    .process(sortedElements(), LONGS)));
        }

        @Test
        void aBridgingElementMergesTwoSessionsIntoOneResult() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = openSessions(10);
            // "u" and "v" both get sessions [0, 15) (0, 5) and [22, 32) (22); only "u" gets 12, whose
            // window [12, 22) touches both: "u" has one session [0, 32).
            for (String key : List.of("u", "v")) {
                sessions.processElement(key, 0, 0L);
                sessions.processElement(key, 22, 22L);
                sessions.processElement(key, 5, 5L);
            }
            sessions.processElement("u", 12, 12L);

            sessions.advanceWatermark(14);
            assertThat(sessions.drainEmitted()).containsExactly(
                    new Emitted<>(new Result<>("v", new TimeWindow(0, 15), List.of(0L, 5L)), 14, 14, 0));

            sessions.advanceWatermark(30);
            assertThat(sessions.emitted()).isEmpty();
            sessions.advanceWatermark(31);
            assertThat(sessions.drainEmitted()).extracting(Emitted::value).containsExactlyInAnyOrder(
                    new Result<>("u", new TimeWindow(0, 32), List.of(0L, 5L, 12L, 22L)),
                    new Result<>("v", new TimeWindow(22, 32), List.of(22L)));
            assertThat(sessions.late()).isEmpty();
        }

        @Test
        void sessionWindowsThatOnlyTouchMerge() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = openSessions(10);
            sessions.processElement("u", 0, 0L);   // [0, 10)
            sessions.processElement("u", 10, 10L); // [10, 20) touches [0, 10)
            sessions.processElement("u", 31, 31L); // [31, 41) is 11 after 20: a new session

            sessions.advanceWatermark(Long.MAX_VALUE);

            assertThat(sessions.values()).containsExactly(
                    new Result<>("u", new TimeWindow(0, 20), List.of(0L, 10L)),
                    new Result<>("u", new TimeWindow(31, 41), List.of(31L)));
        }

        @Test
        void incrementallyAggregatedSessionsMergeTheirAccumulators() {
            WindowOperatorHarness<String, Long, Result<Long>> sums = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(EventTimeSessionWindows.<Long>withGap(ofMillis(10)))
                            .reduce(Long::sum, LONGS, withKeyAndWindow())));
            sums.processElement("u", 0, 1L);
            sums.processElement("u", 22, 10L);
            sums.processElement("u", 5, 100L);
            sums.processElement("u", 12, 1000L);

            sums.advanceWatermark(Long.MAX_VALUE);

            assertThat(sums.values()).containsExactly(new Result<>("u", new TimeWindow(0, 32), 1111L));
        }

        @Test
        void aCountTriggerOnSessionsAddsUpTheCountsOfMergedSessions() {
            // Sessions [0, 10) and [15, 25) have counted one element each; 8's window [8, 18) merges
            // them, so the merged session has counted three and fires.
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = open(WindowOperatorHarness.direct(
                    EventTimeSessionWindows.<Long>withGap(ofMillis(10)), CountTrigger.<Long, TimeWindow>of(3), 0,
                    WindowContentsFactory.buffering(LONGS, Integer.MAX_VALUE),
                    WindowFunctionRunner.process(sortedElements()), KEYS.deserializer()));
            sessions.processElement("u", 0, 0L);
            sessions.processElement("u", 15, 15L);
            assertThat(sessions.emitted()).isEmpty();

            sessions.processElement("u", 8, 8L);

            assertThat(sessions.values()).containsExactly(
                    new Result<>("u", new TimeWindow(0, 25), List.of(0L, 8L, 15L)));
        }

        @Test
        void aLateElementWithinTheLatenessExtendsAFiredSessionWhichFiresAgainAtItsNewEnd() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(EventTimeSessionWindows.<Long>withGap(ofMillis(10)))
                            .allowedLateness(ofMillis(20))
                            .sideOutputLateData(late)
                            .process(sortedElements(), LONGS)));
            sessions.processElement("u", 0, 0L);
            sessions.advanceWatermark(9);
            assertThat(sessions.drainEmitted()).extracting(Emitted::value)
                    .containsExactly(new Result<>("u", new TimeWindow(0, 10), List.of(0L)));

            // 5 opens [5, 15), merging with the fired [0, 10) into [0, 15), which ends after the watermark.
            sessions.processElement("u", 5, 5L);
            assertThat(sessions.emitted()).isEmpty();
            sessions.advanceWatermark(14);
            assertThat(sessions.drainEmitted()).extracting(Emitted::value)
                    .containsExactly(new Result<>("u", new TimeWindow(0, 15), List.of(0L, 5L)));

            // -3 opens [-3, 7), inside the lateness: merged [-3, 15) ended already and fires at once.
            sessions.processElement("u", -3, -3L);
            assertThat(sessions.drainEmitted()).extracting(Emitted::value)
                    .containsExactly(new Result<>("u", new TimeWindow(-3, 15), List.of(-3L, 0L, 5L)));

            // The merged session is dropped at 14 + 20 = 34; an element of it after that is late.
            sessions.advanceWatermark(34);
            sessions.processElement("u", 1, 1L);
            assertThat(sessions.late()).containsExactly(new Late<>(1L, 1, 34));
            assertThat(sessions.emitted()).isEmpty();
        }
    }

    @Nested
    class GlobalWindowsWithCountTriggers {

        private WindowOperatorHarness<String, Long, Result<List<Long>>> openGlobal(
                Trigger<Long, GlobalWindow> trigger) {
            return open(WindowOperatorHarness.direct(GlobalWindows.<Long>create(), trigger, 0,
                    WindowContentsFactory.buffering(LONGS, Integer.MAX_VALUE),
                    WindowFunctionRunner.process(sortedElements()), KEYS.deserializer()));
        }

        @Test
        void aCountTriggerFiresEveryNElementsOverEverythingTheWindowKept() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> global = openGlobal(CountTrigger.of(3));
            for (long value = 1; value <= 7; value++) {
                global.processElement("a", 100 + value, value);
            }

            assertThat(global.values()).containsExactly(
                    new Result<>("a", GlobalWindow.get(), List.of(1L, 2L, 3L)),
                    new Result<>("a", GlobalWindow.get(), List.of(1L, 2L, 3L, 4L, 5L, 6L)));
        }

        @Test
        void aPurgingCountTriggerFiresEveryNElementsOverTheElementsSinceTheLastFiring() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> global =
                    openGlobal(PurgingTrigger.of(CountTrigger.of(3)));
            for (long value = 1; value <= 7; value++) {
                global.processElement(value % 2 == 0 ? "even" : "odd", 100 + value, value);
                global.processElement("all", 100 + value, value);
            }

            assertThat(global.values()).containsExactly(
                    new Result<>("all", GlobalWindow.get(), List.of(1L, 2L, 3L)),
                    new Result<>("odd", GlobalWindow.get(), List.of(1L, 3L, 5L)),
                    new Result<>("even", GlobalWindow.get(), List.of(2L, 4L, 6L)),
                    new Result<>("all", GlobalWindow.get(), List.of(4L, 5L, 6L)));
        }

        @Test
        void aGlobalWindowResultCarriesTheTimestampOfTheElementThatFiredIt() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> global = openGlobal(CountTrigger.of(2));
            global.processElement("a", 100, 1L);
            global.processElement("a", 250, 2L);

            // The global window's max timestamp is Long.MAX_VALUE, which the operator does not stamp.
            assertThat(global.emitted()).extracting(Emitted::timestamp).containsExactly(250L);
        }

        @Test
        void aGlobalWindowWithoutATriggerNeverFiresAndNothingIsEverLate() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> global =
                    openGlobal(GlobalWindows.<Long>create().defaultTrigger());
            global.advanceWatermark(1_000);
            for (long value = 1; value <= 5; value++) {
                global.processElement("a", value, value);
            }
            global.advanceWatermark(Long.MAX_VALUE);
            global.advanceProcessingTime(Long.MAX_VALUE);

            assertThat(global.emitted()).isEmpty();
            assertThat(global.late()).isEmpty();
        }

        @Test
        void countWindowOfSizeFiresEveryNElementsAndStartsOver() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(3).reduce(Long::sum, LONGS)));
            for (long value = 1; value <= 8; value++) {
                counts.processElement("a", value, value);
            }

            assertThat(counts.values()).containsExactly(1L + 2 + 3, 4L + 5 + 6);
        }

        @Test
        void slidingCountWindowFiresEverySlideElementsOverTheLatestSizeElements() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(3, 2, LONGS)
                            .process(sortedElements(), LONGS)));
            for (long value = 1; value <= 7; value++) {
                counts.processElement("a", value, value);
                counts.processElement("b", value, value * 10);
            }

            assertThat(counts.values()).containsExactly(
                    new Result<>("a", GlobalWindow.get(), List.of(1L, 2L)),
                    new Result<>("b", GlobalWindow.get(), List.of(10L, 20L)),
                    new Result<>("a", GlobalWindow.get(), List.of(2L, 3L, 4L)),
                    new Result<>("b", GlobalWindow.get(), List.of(20L, 30L, 40L)),
                    new Result<>("a", GlobalWindow.get(), List.of(4L, 5L, 6L)),
                    new Result<>("b", GlobalWindow.get(), List.of(40L, 50L, 60L)));
        }

        @Test
        void slidingCountWindowReducesOnlyTheLatestSizeElements() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(3, 2, LONGS).reduce(Long::sum, LONGS)));
            for (long value = 1; value <= 7; value++) {
                counts.processElement("a", value, value);
            }

            assertThat(counts.values()).containsExactly(1L + 2, 2L + 3 + 4, 4L + 5 + 6);
        }

        @Test
        void slidingCountWindowAggregatesOnlyTheLatestSizeElements() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(4, 4, LONGS).aggregate(count(), LONGS)));
            for (long value = 1; value <= 9; value++) {
                counts.processElement("a", value, value);
            }

            assertThat(counts.values()).containsExactly(4L, 4L);
        }
    }

    @Nested
    class ProcessingTimeWindows {

        @Test
        void tumblingProcessingTimeWindowsFireWhenTheClockPassesTheirEndWhateverTheEventTime() {
            WindowOperatorHarness<String, Long, Result<Long>> clock = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(TumblingProcessingTimeWindows.<Long>of(ofMillis(100)))
                            .sideOutputLateData(late)
                            .aggregate(count(), LONGS, withKeyAndWindow())));
            // The watermark and event times play no part: nothing is late, nothing fires on them.
            clock.advanceWatermark(1_000_000);
            clock.advanceProcessingTime(1_000);
            clock.processElement("a", 5, 1L);
            clock.advanceProcessingTime(1_050);
            clock.processElement("a", 7, 2L);
            clock.processElement("b", 3, 3L);
            clock.advanceWatermark(Long.MAX_VALUE);
            assertThat(clock.emitted()).isEmpty();

            clock.advanceProcessingTime(1_098);
            assertThat(clock.emitted()).isEmpty();
            clock.advanceProcessingTime(1_099);
            assertThat(clock.drainEmitted()).containsExactlyInAnyOrder(
                    new Emitted<>(new Result<>("a", new TimeWindow(1_000, 1_100), 2L), 1_099, Long.MAX_VALUE, 1_099),
                    new Emitted<>(new Result<>("b", new TimeWindow(1_000, 1_100), 1L), 1_099, Long.MAX_VALUE, 1_099));

            clock.advanceProcessingTime(1_100);
            clock.processElement("a", 9, 4L);
            clock.advanceProcessingTime(1_500);
            assertThat(clock.values()).containsExactly(new Result<>("a", new TimeWindow(1_100, 1_200), 1L));
            assertThat(clock.late()).isEmpty();
        }

        @Test
        void slidingProcessingTimeWindowsFireEachWindowOfTheClock() {
            WindowOperatorHarness<String, Long, Result<Long>> clock = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(SlidingProcessingTimeWindows.<Long>of(ofMillis(100), ofMillis(50)))
                            .aggregate(count(), LONGS, withKeyAndWindow())));
            clock.advanceProcessingTime(1_020);
            clock.processElement("a", 0, 1L); // [950, 1050) and [1000, 1100)
            clock.advanceProcessingTime(1_048);
            assertThat(clock.emitted()).isEmpty();
            clock.advanceProcessingTime(1_049);
            assertThat(clock.drainEmitted()).extracting(Emitted::value)
                    .containsExactly(new Result<>("a", new TimeWindow(950, 1_050), 1L));

            clock.advanceProcessingTime(1_070);
            clock.processElement("a", 0, 2L); // [1000, 1100) and [1050, 1150)
            clock.advanceProcessingTime(1_149);
            assertThat(clock.drainEmitted()).extracting(Emitted::value).containsExactly(
                    new Result<>("a", new TimeWindow(1_000, 1_100), 2L),
                    new Result<>("a", new TimeWindow(1_050, 1_150), 1L));
        }

        @Test
        void processingTimeSessionsMergeAndFireAfterTheGapWithoutElements() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(ProcessingTimeSessionWindows.<Long>withGap(ofMillis(100)))
                            .process(sortedElements(), LONGS)));
            sessions.advanceProcessingTime(1_000);
            sessions.processElement("a", 0, 1L);
            sessions.advanceProcessingTime(1_090);
            sessions.processElement("a", 0, 2L);
            sessions.advanceProcessingTime(1_099);
            assertThat(sessions.emitted()).isEmpty();

            sessions.advanceProcessingTime(1_189);
            assertThat(sessions.values()).containsExactly(new Result<>("a", new TimeWindow(1_000, 1_190), List.of(1L, 2L)));
        }
    }

    /** One input, window [0, 10) of key "k" with 3, 1, 4, 1, 5, evaluated by each kind of function. */
    @Nested
    class WindowFunctions {

        private <OUT> List<OUT> evaluate(WindowOperatorHarness.OperatorFactory<String, Long, OUT> factory) {
            WindowOperatorHarness<String, Long, OUT> functions = open(factory);
            long timestamp = 0;
            for (long value : new long[] {3, 1, 4, 1, 5}) {
                functions.processElement("k", timestamp++, value);
            }
            functions.processElement("other", 15, 9L);
            functions.advanceWatermark(9);
            assertThat(functions.emitted()).allSatisfy(e -> assertThat(e.timestamp()).isEqualTo(9));
            return functions.values();
        }

        @Test
        void reduceEmitsTheFoldedValue() {
            assertThat(evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .reduce(Long::sum, LONGS)))).containsExactly(14L);
        }

        @Test
        void aggregateEmitsTheResultOfTheAccumulator() {
            assertThat(evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .aggregate(new Average(), Average.SERDE)))).containsExactly(2.8);
        }

        @Test
        void processSeesEveryElementInArrivalOrderWithKeyWindowAndWatermark() {
            ProcessWindowFunction<Long, String, String, TimeWindow> describe = new ProcessWindowFunction<>() {
                @Override
                public void process(String key, Context<TimeWindow> context, Iterable<Long> elements, Collector<String> out) {
                    List<Long> all = new ArrayList<>();
                    elements.forEach(all::add);
                    out.collect(key + " " + context.window() + " at watermark " + context.currentWatermark() + ": " + all);
                }
            };

            assertThat(evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .process(describe, LONGS))))
                    .containsExactly("k TimeWindow[0, 10) at watermark 9: [3, 1, 4, 1, 5]");
        }

        @Test
        void aggregateWithProcessHandsTheOneAggregatedValueToTheProcessFunction() {
            List<Result<Double>> results = evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .aggregate(new Average(), Average.SERDE, withKeyAndWindow())));

            assertThat(results).containsExactly(new Result<>("k", new TimeWindow(0, 10), 2.8));
        }

        @Test
        void reduceWithProcessHandsTheOneReducedValueToTheProcessFunction() {
            List<Result<Long>> results = evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .reduce(Math::max, LONGS, withKeyAndWindow())));

            assertThat(results).containsExactly(new Result<>("k", new TimeWindow(0, 10), 5L));
        }

        @Test
        void aProcessFunctionMayEmitSeveralResultsAllStampedWithTheWindowEnd() {
            ProcessWindowFunction<Long, Long, String, TimeWindow> each = new ProcessWindowFunction<>() {
                @Override
                public void process(String key, Context<TimeWindow> context, Iterable<Long> elements, Collector<Long> out) {
                    elements.forEach(out::collect);
                }
            };

            assertThat(evaluate(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                    .process(each, LONGS)))).containsExactly(3L, 1L, 4L, 1L, 5L);
        }
    }

    /**
     * State a process window function declares in {@code open} is the key's across its windows:
     * here it remembers the end of the window it last reported, so that a burst that several
     * overlapping sliding windows hold is reported once.
     */
    @Nested
    class KeyedStateOfAWindowFunction {

        private WindowOperatorHarness<String, Long, Result<Long>> openBurstReports() {
            return open(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(SlidingEventTimeWindows.<Long>of(ofMillis(30), ofMillis(10)))
                    .sideOutputLateData(late)
                    .aggregate(count(), LONGS, new ReportOncePerBurst(3))));
        }

        @Test
        void overlappingSlidingWindowsOverTheLimitReportOneBurstOnce() {
            WindowOperatorHarness<String, Long, Result<Long>> bursts = openBurstReports();
            for (long t = 12; t <= 15; t++) {
                bursts.processElement("a", t, t);
            }
            bursts.processElement("b", 13, 13L);

            bursts.advanceWatermark(Long.MAX_VALUE);

            // [-10, 20), [0, 30) and [10, 40) all hold a's four elements; b never has more than one.
            assertThat(bursts.values()).containsExactly(new Result<>("a", new TimeWindow(-10, 20), 4L));
        }

        @Test
        void aBurstInAWindowThatNoLongerOverlapsTheReportedOneIsReportedAgain() {
            WindowOperatorHarness<String, Long, Result<Long>> bursts = openBurstReports();
            for (long t = 12; t <= 15; t++) {
                bursts.processElement("a", t, t);
            }
            bursts.advanceWatermark(25);
            for (long t = 52; t <= 55; t++) {
                bursts.processElement("a", t, t);
            }

            bursts.advanceWatermark(Long.MAX_VALUE);

            assertThat(bursts.values()).containsExactly(new Result<>("a", new TimeWindow(-10, 20), 4L),
                    new Result<>("a", new TimeWindow(30, 60), 4L));
        }

        @Test
        void theKeysStateSurvivesACheckpointAndRestart() {
            WindowOperatorHarness<String, Long, Result<Long>> bursts = openBurstReports();
            for (long t = 12; t <= 15; t++) {
                bursts.processElement("a", t, t);
            }
            bursts.advanceWatermark(19);
            assertThat(bursts.drainEmitted()).hasSize(1);

            bursts.checkpointAndRestart();
            bursts.advanceWatermark(Long.MAX_VALUE);

            assertThat(bursts.emitted()).isEmpty();
        }
    }

    @Nested
    class LateData {

        @Test
        void byDefaultALateElementGoesToTheLateDataTopicAsItsRecordWithHeaders() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(TumblingEventTimeWindows.<Long>of(ofMillis(10))).reduce(Long::sum, LONGS)));
            counts.advanceWatermark(50);

            counts.processElement("a", 7, 70L);

            List<SinkRecord> records = counts.sinkRecords();
            assertThat(records).hasSize(1);
            SinkRecord record = records.get(0);
            assertThat(record.topic()).isEqualTo(WindowOperatorHarness.LATE_DATA_TOPIC);
            assertThat(record.timestamp()).isEqualTo(7);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("a");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("70");
            Map<String, String> headers = new TreeMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(headers).containsEntry(LateDataHeaders.SOURCE_TOPIC, WindowOperatorHarness.INPUT_TOPIC)
                    .containsEntry(LateDataHeaders.SOURCE_PARTITION, "0")
                    .containsEntry(LateDataHeaders.SOURCE_OFFSET, "0")
                    .containsEntry(LateDataHeaders.OPERATOR, WindowOperatorHarness.UID)
                    .containsEntry(LateDataHeaders.TIMESTAMP, "7")
                    .containsEntry(LateDataHeaders.WATERMARK, "50");
            assertThat(counts.emitted()).isEmpty();
        }

        @Test
        void droppedLateDataGoesNowhere() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                            .dropLateData().reduce(Long::sum, LONGS)));
            counts.advanceWatermark(50);

            counts.processElement("a", 7, 70L);
            counts.advanceWatermark(Long.MAX_VALUE);

            assertThat(counts.sinkRecords()).isEmpty();
            assertThat(counts.late()).isEmpty();
            assertThat(counts.emitted()).isEmpty();
        }

        @Test
        void anElementAtTheWatermarkIsLateWhenItsWindowEndedThere() {
            // The watermark 9 says no element at or before 9 follows: [0, 10) fired, 9 is late.
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(TumblingEventTimeWindows.<Long>of(ofMillis(10)))
                            .sideOutputLateData(late).reduce(Long::sum, LONGS)));
            counts.processElement("a", 9, 1L);
            counts.advanceWatermark(9);
            counts.processElement("a", 9, 2L);
            counts.processElement("a", 10, 4L);
            counts.advanceWatermark(Long.MAX_VALUE);

            assertThat(counts.values()).containsExactly(1L, 4L);
            assertThat(counts.late()).containsExactly(new Late<>(2L, 9, 9));
        }

        @Test
        void anElementInNoWindowIsNotLateBeforeTheFirstWatermarkWhateverTheAllowedLateness() {
            // Windows of 1 ms every 2 ms leave gaps: 1 falls in none. Before any watermark it is not late.
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(SlidingEventTimeWindows.<Long>of(ofMillis(1), ofMillis(2)))
                            .allowedLateness(ofMillis(1)).sideOutputLateData(late).reduce(Long::sum, LONGS)));

            counts.processElement("a", 1, 1L);
            counts.advanceWatermark(Long.MAX_VALUE);

            assertThat(counts.late()).isEmpty();
            assertThat(counts.emitted()).isEmpty();
        }
    }

    @Nested
    class Restarts {

        private WindowOperatorHarness<String, Long, Result<Long>> openTumblingCounts() {
            return open(WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed
                    .window(TumblingEventTimeWindows.<Long>of(ofMillis(20)))
                    .sideOutputLateData(late)
                    .aggregate(count(), LONGS, withKeyAndWindow())));
        }

        @Test
        void windowContentsAndTimersSurviveARestartMidWindow() {
            WindowOperatorHarness<String, Long, Result<Long>> counts = openTumblingCounts();
            counts.processElement(SENSOR, 1, 1L);
            counts.processElement(SENSOR, 5, 5L);
            counts.processElement("other", 3, 3L);
            counts.advanceWatermark(10);

            counts.checkpointAndRestart();
            counts.processElement(SENSOR, 7, 7L);
            counts.advanceWatermark(19);

            assertThat(counts.values()).containsExactlyInAnyOrder(
                    new Result<>(SENSOR, new TimeWindow(0, 20), 3L), new Result<>("other", new TimeWindow(0, 20), 1L));
        }

        @Test
        void anEventTimeTimerRegisteredBeforeARestartFiresAfterIt() {
            WindowOperatorHarness<String, Long, Result<Long>> counts = openTumblingCounts();
            counts.processElement(SENSOR, 1, 1L);

            counts.checkpointAndRestart();
            assertThat(counts.nextEventTimer()).isEqualTo(19);
            counts.advanceWatermark(19);

            assertThat(counts.values()).containsExactly(new Result<>(SENSOR, new TimeWindow(0, 20), 1L));
        }

        @Test
        void whatWasNotCheckpointedIsGoneAfterACrash() {
            WindowOperatorHarness<String, Long, Result<Long>> counts = openTumblingCounts();
            counts.processElement(SENSOR, 1, 1L);
            counts.checkpointAndRestart();
            counts.processElement(SENSOR, 2, 2L);

            counts.crashAndRestart();
            counts.advanceWatermark(19);

            assertThat(counts.values()).containsExactly(new Result<>(SENSOR, new TimeWindow(0, 20), 1L));
        }

        @Test
        void mergedSessionsSurviveRestartsBetweenEachElement() {
            WindowOperatorHarness<String, Long, Result<List<Long>>> sessions = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(EventTimeSessionWindows.<Long>withGap(ofMillis(10)))
                            .process(sortedElements(), LONGS)));
            // [0, 10), then [22, 32), then 5 grows the first into [0, 15), then 12 bridges both.
            sessions.processElement("u", 0, 0L);
            sessions.checkpointAndRestart();
            sessions.processElement("u", 22, 22L);
            sessions.checkpointAndRestart();
            sessions.processElement("u", 5, 5L);
            sessions.checkpointAndRestart();
            sessions.processElement("u", 12, 12L);
            sessions.checkpointAndRestart();

            sessions.advanceWatermark(14);
            assertThat(sessions.emitted()).isEmpty();
            sessions.advanceWatermark(31);

            assertThat(sessions.values()).containsExactly(
                    new Result<>("u", new TimeWindow(0, 32), List.of(0L, 5L, 12L, 22L)));
        }

        @Test
        void aCountTriggersCountSurvivesARestart() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(3).reduce(Long::sum, LONGS)));
            counts.processElement("a", 0, 1L);
            counts.processElement("a", 0, 2L);
            counts.checkpointAndRestart();
            counts.processElement("a", 0, 4L);

            assertThat(counts.values()).containsExactly(7L);
        }

        @Test
        void aSlidingCountWindowKeepsItsLatestElementsAcrossARestart() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.countWindow(3, 2, LONGS).reduce(Long::sum, LONGS)));
            counts.processElement("a", 0, 1L);
            counts.processElement("a", 0, 2L);
            counts.processElement("a", 0, 4L);
            counts.checkpointAndRestart();
            counts.processElement("a", 0, 8L);

            assertThat(counts.values()).containsExactly(3L, 14L);
        }

        @Test
        void processingTimeTimersSurviveARestart() {
            WindowOperatorHarness<String, Long, Long> counts = open(WindowOperatorHarness.pipeline(KEYS,
                    (keyed, late) -> keyed.window(TumblingProcessingTimeWindows.<Long>of(ofMillis(100)))
                            .reduce(Long::sum, LONGS)));
            counts.advanceProcessingTime(1_010);
            counts.processElement("a", 0, 5L);
            counts.checkpointAndRestart();
            counts.processElement("a", 0, 6L);

            counts.advanceProcessingTime(1_099);

            assertThat(counts.emitted()).containsExactly(new Emitted<>(11L, 1_099, Long.MIN_VALUE, 1_099));
        }
    }

    /**
     * Reports a window holding more than {@code limit} elements, unless it overlaps the window
     * reported last for the key, whose end it keeps in the key's state.
     */
    static final class ReportOncePerBurst extends ProcessWindowFunction<Long, Result<Long>, String, TimeWindow> {

        static final String REPORTED = "reported-until";

        private final long limit;
        private ValueState<Long> reportedUntil;

        ReportOncePerBurst(long limit) {
            this.limit = limit;
        }

        @Override
        public void open(RuntimeContext context) {
            reportedUntil = context.getState(new ValueStateDescriptor<>(REPORTED, LONGS));
        }

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<Long> counts, Collector<Result<Long>> out) {
            long count = counts.iterator().next();
            Long until = reportedUntil.value();
            if (count > limit && (until == null || context.window().start() >= until)) {
                reportedUntil.update(context.window().end());
                out.collect(new Result<>(key, context.window(), count));
            }
        }
    }

    /** The mean, with an accumulator of sum and count stored as two longs. */
    static final class Average implements AggregateFunction<Long, long[], Double> {

        static final Serde<long[]> SERDE = Serdes.serdeFrom(
                (topic, acc) -> ByteBuffer.allocate(16).putLong(acc[0]).putLong(acc[1]).array(),
                (topic, bytes) -> {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    return new long[] {buffer.getLong(), buffer.getLong()};
                });

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] accumulator) {
            return new long[] {accumulator[0] + value, accumulator[1] + 1};
        }

        @Override
        public Double getResult(long[] accumulator) {
            return (double) accumulator[0] / accumulator[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
