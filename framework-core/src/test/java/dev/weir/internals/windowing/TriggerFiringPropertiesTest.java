package dev.weir.internals.windowing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.internals.state.SharedRocksDbResources;
import dev.weir.internals.windowing.WindowRunActions.Action;
import dev.weir.internals.windowing.WindowRunActions.Advance;
import dev.weir.internals.windowing.WindowRunActions.Element;
import dev.weir.internals.windowing.WindowRunActions.Restart;
import dev.weir.windowing.GlobalWindow;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import dev.weir.windowing.TumblingProcessingTimeWindows;
import dev.weir.windowing.WindowAssigner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Properties of when windows fire, checked against a reference model of Flink's window semantics:
 * out-of-order elements of several keys interleaved with random watermark advances, into tumbling
 * or sliding event-time windows with or without allowed lateness, must produce exactly the firings
 * (per step, key, window and count) and the late elements the model predicts; count windows and
 * processing-time windows likewise.
 */
class TriggerFiringPropertiesTest {

    private static final Serde<String> KEYS = Serdes.String();
    private static final long FIRST_WATERMARK = -60;

    private static SharedRocksDbResources resources;

    @BeforeContainer
    static void createResources() {
        resources = SharedRocksDbResources.create(32L << 20);
    }

    @AfterContainer
    static void closeResources() {
        resources.close();
    }

    // ------------------------------------------------------------------ event-time windows

    /** A firing: at which step, for which key and window, with what count, stamped with which timestamp. */
    record Fired(int step, String key, long start, long end, long count, long timestamp) {
    }

    /** A late element: at which step, which element, its timestamp and the watermark it met. */
    record LateSeen(int step, String element, long timestamp, long watermark) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return WindowRunActions.runs(60);
    }

    @Property(tries = 150)
    void tumblingWindowsFireAndDropLateElementsExactlyAsTheModelSays(
            @ForAll("actions") List<Action> actions,
            @ForAll @LongRange(min = 1, max = 60) long size,
            @ForAll @LongRange(min = -59, max = 59) long rawOffset,
            @ForAll @LongRange(min = 0, max = 60) long lateness) {
        long offset = rawOffset % size;
        check(actions, TumblingEventTimeWindows.of(ofMillis(size), ofMillis(offset)), size, size, offset, lateness);
    }

    @Property(tries = 150)
    void slidingWindowsFireAndDropLateElementsExactlyAsTheModelSays(
            @ForAll("actions") List<Action> actions,
            @ForAll @LongRange(min = 1, max = 25) long slide,
            @ForAll @IntRange(min = 1, max = 4) int slidesPerWindow,
            @ForAll @LongRange(min = 0, max = 24) long remainder,
            @ForAll @LongRange(min = -24, max = 24) long rawOffset,
            @ForAll @LongRange(min = 0, max = 60) long lateness) {
        // Windows at least one slide long, without gaps between them. Gapped sliding windows (size <
        // slide) are left out: an element between windows that arrives before the first watermark is
        // wrongly sent to the late output when the allowed lateness is positive (the late check
        // computes Long.MIN_VALUE - allowedLateness, which overflows).
        long size = slidesPerWindow * slide + remainder % slide;
        long offset = rawOffset % slide;
        check(actions, SlidingEventTimeWindows.of(ofMillis(size), ofMillis(slide), ofMillis(offset)),
                size, slide, offset, lateness);
    }

    private void check(List<Action> actions, WindowAssigner<String, TimeWindow> assigner, long size, long slide,
                       long offset, long lateness) {
        EventTimeModel model = new EventTimeModel(size, slide, offset, lateness);
        List<Fired> fired = new ArrayList<>();
        List<LateSeen> late = new ArrayList<>();
        try (WindowOperatorHarness<String, String, WindowTestFunctions.Result<Long>> harness =
                     WindowOperatorHarness.openTemporary(resources, KEYS, WindowOperatorHarness.pipeline(KEYS,
                             (keyed, lateSink) -> keyed.window(assigner)
                                     .allowedLateness(ofMillis(lateness))
                                     .sideOutputLateData(lateSink)
                                     .aggregate(WindowTestFunctions.count(), Serdes.Long(),
                                             WindowTestFunctions.withKeyAndWindow())))) {
            long watermark = FIRST_WATERMARK;
            int step = 0;
            for (Action action : actions) {
                step++;
                if (action instanceof Element element) {
                    long timestamp = watermark + element.relative();
                    String id = element.key() + "#" + step;
                    harness.processElement(element.key(), timestamp, id);
                    model.element(step, element.key(), timestamp, id);
                } else if (action instanceof Advance advance) {
                    watermark += advance.by();
                    harness.advanceWatermark(watermark);
                    model.advance(step, watermark);
                } else {
                    harness.checkpointAndRestart();
                }
                collect(step, harness, fired, late);
            }
            step++;
            harness.advanceWatermark(Long.MAX_VALUE);
            model.advance(step, Long.MAX_VALUE);
            collect(step, harness, fired, late);
        }

        Statistics.label("late elements").collect(!late.isEmpty());
        Statistics.label("windows fired more than once").collect(fired.size() > lastCounts(fired).size());
        assertThat(fired).containsExactlyInAnyOrderElementsOf(model.fired);
        assertThat(late).containsExactlyElementsOf(model.late);
        // What a window last emitted is what the model counted for it in the end.
        assertThat(lastCounts(fired)).isEqualTo(model.finalCounts);
    }

    private static void collect(int step, WindowOperatorHarness<String, String, WindowTestFunctions.Result<Long>> harness,
                                List<Fired> fired, List<LateSeen> late) {
        for (WindowOperatorHarness.Emitted<WindowTestFunctions.Result<Long>> emitted : harness.drainEmitted()) {
            TimeWindow window = (TimeWindow) emitted.value().window();
            fired.add(new Fired(step, emitted.value().key(), window.start(), window.end(), emitted.value().value(),
                    emitted.timestamp()));
        }
        for (WindowOperatorHarness.Late<String> seen : harness.drainLate()) {
            late.add(new LateSeen(step, seen.element(), seen.timestamp(), seen.watermark()));
        }
    }

    private static Map<String, Long> lastCounts(List<Fired> fired) {
        Map<String, Long> last = new TreeMap<>();
        fired.stream().sorted(Comparator.comparingInt(Fired::step))
                .forEach(f -> last.put(f.key() + "@[" + f.start() + "," + f.end() + ")", f.count()));
        return last;
    }

    /**
     * Flink's window operator for tumbling and sliding event-time windows with the event-time
     * trigger, written out directly:
     * <ul>
     *   <li>an element goes into every window that contains its timestamp, except a window whose
     *       cleanup time (max timestamp + allowed lateness) is at or below the watermark;</li>
     *   <li>a window it goes into whose max timestamp the watermark already reached fires at once;</li>
     *   <li>an element that went into no window, and whose timestamp + allowed lateness is at or
     *       below the watermark, is late;</li>
     *   <li>when the watermark passes a window's max timestamp, the window fires if it holds
     *       anything; when it passes its cleanup time, the window is dropped.</li>
     * </ul>
     */
    static final class EventTimeModel {

        private final long size;
        private final long slide;
        private final long offset;
        private final long lateness;
        private final Map<String, Map<TimeWindow, Long>> counts = new HashMap<>();
        private long watermark = Long.MIN_VALUE;
        final List<Fired> fired = new ArrayList<>();
        final List<LateSeen> late = new ArrayList<>();
        final Map<String, Long> finalCounts = new TreeMap<>();

        EventTimeModel(long size, long slide, long offset, long lateness) {
            this.size = size;
            this.slide = slide;
            this.offset = offset;
            this.lateness = lateness;
        }

        void element(int step, String key, long timestamp, String id) {
            boolean added = false;
            for (TimeWindow window : windowsOf(timestamp)) {
                if (cleanupTime(window) <= watermark) {
                    continue;
                }
                added = true;
                long count = counts.computeIfAbsent(key, k -> new HashMap<>()).merge(window, 1L, Long::sum);
                finalCounts.put(key + "@[" + window.start() + "," + window.end() + ")", count);
                if (window.maxTimestamp() <= watermark) {
                    fire(step, key, window, count);
                }
            }
            if (!added && timestamp + lateness <= watermark) {
                late.add(new LateSeen(step, id, timestamp, watermark));
            }
            // Without gaps between windows, an element is in no live window exactly when it is late.
            assertThat(added || timestamp + lateness <= watermark).isTrue();
        }

        void advance(int step, long newWatermark) {
            if (newWatermark <= watermark) {
                return;
            }
            for (Map.Entry<String, Map<TimeWindow, Long>> key : counts.entrySet()) {
                for (Map.Entry<TimeWindow, Long> window : key.getValue().entrySet()) {
                    long max = window.getKey().maxTimestamp();
                    if (max > watermark && max <= newWatermark) {
                        fire(step, key.getKey(), window.getKey(), window.getValue());
                    }
                }
                key.getValue().keySet().removeIf(window -> cleanupTime(window) <= newWatermark);
            }
            watermark = newWatermark;
        }

        private void fire(int step, String key, TimeWindow window, long count) {
            fired.add(new Fired(step, key, window.start(), window.end(), count, window.maxTimestamp()));
        }

        private long cleanupTime(TimeWindow window) {
            return window.maxTimestamp() + lateness;
        }

        /** Brute force: every window {@code [offset + k * slide, + size)} that contains the timestamp. */
        private List<TimeWindow> windowsOf(long timestamp) {
            List<TimeWindow> windows = new ArrayList<>();
            for (long k = Math.floorDiv(timestamp - size - offset, slide) - 1;
                 k <= Math.floorDiv(timestamp - offset, slide) + 1; k++) {
                long start = offset + k * slide;
                if (start <= timestamp && timestamp < start + size) {
                    windows.add(new TimeWindow(start, start + size));
                }
            }
            return windows;
        }
    }

    // ------------------------------------------------------------------ count windows

    @Property(tries = 100)
    void slidingCountWindowsFireEverySlideElementsOverTheLatestSizeElementsOfTheKey(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 2) Integer> keyIndexes,
            @ForAll @IntRange(min = 1, max = 6) int size,
            @ForAll @IntRange(min = 1, max = 6) int slide) {
        List<String> expected = new ArrayList<>();
        Map<String, List<Long>> seen = new HashMap<>();
        try (WindowOperatorHarness<String, Long, String> harness = WindowOperatorHarness.openTemporary(resources, KEYS,
                WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed.countWindow(size, slide, Serdes.Long())
                        .process(describe(), Serdes.Long())))) {
            long value = 0;
            for (int keyIndex : keyIndexes) {
                String key = "k" + keyIndex;
                value++;
                harness.processElement(key, value, value);
                List<Long> elements = seen.computeIfAbsent(key, k -> new ArrayList<>());
                elements.add(value);
                if (elements.size() % slide == 0) {
                    expected.add(key + elements.subList(Math.max(0, elements.size() - size), elements.size()));
                }
            }
            assertThat(harness.values()).containsExactlyElementsOf(expected);
        }
    }

    @Property(tries = 100)
    void tumblingCountWindowsFireEverySizeElementsOverTheElementsSinceTheLastFiring(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 2) Integer> keyIndexes,
            @ForAll @IntRange(min = 1, max = 6) int size) {
        List<String> expected = new ArrayList<>();
        Map<String, List<Long>> seen = new HashMap<>();
        try (WindowOperatorHarness<String, Long, String> harness = WindowOperatorHarness.openTemporary(resources, KEYS,
                WindowOperatorHarness.pipeline(KEYS, (keyed, late) -> keyed.countWindow(size)
                        .process(describe(), Serdes.Long())))) {
            long value = 0;
            for (int keyIndex : keyIndexes) {
                String key = "k" + keyIndex;
                value++;
                harness.processElement(key, value, value);
                List<Long> elements = seen.computeIfAbsent(key, k -> new ArrayList<>());
                elements.add(value);
                if (elements.size() % size == 0) {
                    expected.add(key + elements.subList(elements.size() - size, elements.size()));
                }
            }
            assertThat(harness.values()).containsExactlyElementsOf(expected);
        }
    }

    private static ProcessWindowFunction<Long, String, String, GlobalWindow> describe() {
        return new ProcessWindowFunction<>() {
            @Override
            public void process(String key, Context<GlobalWindow> context, Iterable<Long> elements, Collector<String> out) {
                List<Long> all = new ArrayList<>();
                elements.forEach(all::add);
                out.collect(key + all);
            }
        };
    }

    // ------------------------------------------------------------------ processing-time windows

    /** One step of a processing-time run: an element arrives, or the clock moves on. */
    record Tick(String key, long clockAdvance) {
    }

    @Provide
    Arbitrary<List<Tick>> ticks() {
        Arbitrary<Tick> elements = Arbitraries.of("a", "b").map(key -> new Tick(key, 0));
        Arbitrary<Tick> clock = Arbitraries.longs().between(0, 60).map(by -> new Tick(null, by));
        return Arbitraries.frequencyOf(Tuple.of(2, elements), Tuple.of(1, clock)).list().ofMaxSize(50);
    }

    @Property(tries = 100)
    void tumblingProcessingTimeWindowsFireOnceTheClockReachesTheirEndWithWhatArrivedDuringThem(
            @ForAll("ticks") List<Tick> ticks,
            @ForAll @LongRange(min = 1, max = 50) long size) {
        List<Fired> expected = new ArrayList<>();
        List<Fired> actual = new ArrayList<>();
        Map<String, Map<TimeWindow, Long>> open = new TreeMap<>();
        try (WindowOperatorHarness<String, String, WindowTestFunctions.Result<Long>> harness =
                     WindowOperatorHarness.openTemporary(resources, KEYS, WindowOperatorHarness.pipeline(KEYS,
                             (keyed, late) -> keyed.window(TumblingProcessingTimeWindows.<String>of(ofMillis(size)))
                                     .aggregate(WindowTestFunctions.count(), Serdes.Long(),
                                             WindowTestFunctions.withKeyAndWindow())))) {
            long clock = 1_000;
            harness.advanceProcessingTime(clock);
            int step = 0;
            for (Tick tick : ticks) {
                step++;
                if (tick.key() != null) {
                    harness.processElement(tick.key(), -step, "e" + step);
                    long start = clock - Math.floorMod(clock, size);
                    open.computeIfAbsent(tick.key(), k -> new TreeMap<>(Comparator.comparingLong(TimeWindow::start)))
                            .merge(new TimeWindow(start, start + size), 1L, Long::sum);
                } else {
                    clock += tick.clockAdvance();
                    harness.advanceProcessingTime(clock);
                    fireDue(step, clock, open, expected);
                }
                collectProcessingTime(step, harness, actual);
            }
            step++;
            harness.advanceProcessingTime(Long.MAX_VALUE);
            fireDue(step, Long.MAX_VALUE, open, expected);
            collectProcessingTime(step, harness, actual);
            assertThat(harness.late()).isEmpty();
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void fireDue(int step, long clock, Map<String, Map<TimeWindow, Long>> open, List<Fired> expected) {
        open.forEach((key, windows) -> windows.entrySet().removeIf(window -> {
            if (window.getKey().maxTimestamp() > clock) {
                return false;
            }
            expected.add(new Fired(step, key, window.getKey().start(), window.getKey().end(), window.getValue(),
                    window.getKey().maxTimestamp()));
            return true;
        }));
    }

    private static void collectProcessingTime(int step,
                                              WindowOperatorHarness<String, String, WindowTestFunctions.Result<Long>> harness,
                                              List<Fired> fired) {
        for (WindowOperatorHarness.Emitted<WindowTestFunctions.Result<Long>> emitted : harness.drainEmitted()) {
            TimeWindow window = (TimeWindow) emitted.value().window();
            fired.add(new Fired(step, emitted.value().key(), window.start(), window.end(), emitted.value().value(),
                    emitted.timestamp()));
        }
    }
}
