package dev.weir.internals.windowing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.weir.internals.state.SharedRocksDbResources;
import dev.weir.internals.windowing.WindowRunActions.Action;
import dev.weir.internals.windowing.WindowRunActions.Advance;
import dev.weir.internals.windowing.WindowRunActions.Element;
import dev.weir.internals.windowing.WindowRunActions.Restart;
import dev.weir.windowing.EventTimeSessionWindows;
import dev.weir.windowing.TimeWindow;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Properties of event-time session windows against a reference model: whatever the arrival order,
 * a key's sessions are its sorted timestamps split where two neighbours are more than the gap apart
 * (windows {@code [t, t + gap)} that merely touch merge, as {@link TimeWindow#intersects} says), each
 * holding exactly its elements; and with a moving watermark and allowed lateness, sessions fire,
 * re-fire and drop late elements as Flink's window operator does.
 */
class SessionMergingPropertiesTest {

    private static final Serde<String> KEYS = Serdes.String();

    private static SharedRocksDbResources resources;

    @BeforeContainer
    static void createResources() {
        resources = SharedRocksDbResources.create(32L << 20);
    }

    @AfterContainer
    static void closeResources() {
        resources.close();
    }

    /** A session: its window and its elements, sorted. */
    record Session(String key, long start, long end, List<Long> elements) {
    }

    /** The reference: sort the timestamps, start a new session where the next one is more than {@code gap} after the last. */
    static List<Session> referenceSessions(String key, List<Long> timestamps, long gap) {
        List<Long> sorted = new ArrayList<>(timestamps);
        Collections.sort(sorted);
        List<Session> sessions = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (long timestamp : sorted) {
            if (!current.isEmpty() && timestamp - current.get(current.size() - 1) > gap) {
                sessions.add(new Session(key, current.get(0), current.get(current.size() - 1) + gap, current));
                current = new ArrayList<>();
            }
            current.add(timestamp);
        }
        if (!current.isEmpty()) {
            sessions.add(new Session(key, current.get(0), current.get(current.size() - 1) + gap, current));
        }
        return sessions;
    }

    // ------------------------------------------------------------------ the merging window set alone

    @Property(tries = 200)
    void theMergingWindowSetEndsWithTheReferenceSessionsEachStoredUnderOneOfItsOwnWindows(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = -100, max = 300) Long> timestamps,
            @ForAll @LongRange(min = 1, max = 40) long gap,
            @ForAll Random random) {
        List<Long> arrivals = new ArrayList<>(timestamps);
        Collections.shuffle(arrivals, random);
        EventTimeSessionWindows<Long> assigner = EventTimeSessionWindows.withGap(ofMillis(gap));
        // What the operator keeps: the encoded mapping, and each state window's contents.
        byte[] stored = null;
        Map<TimeWindow, List<Long>> contents = new HashMap<>();

        for (long timestamp : arrivals) {
            MergingWindowSet set = new MergingWindowSet(castAssigner(assigner), WindowCodec.decodeMapping(stored));
            TimeWindow window = assigner.assignWindows(timestamp, timestamp, 0).iterator().next();
            TimeWindow actual = set.add(window, (result, merged, stateWindow, mergedStateWindows) -> {
                assertThat(result).isEqualTo(merged.stream().reduce(window, TimeWindow::cover));
                assertThat(mergedStateWindows).doesNotContain(stateWindow);
                for (TimeWindow source : mergedStateWindows) {
                    contents.computeIfAbsent(stateWindow, w -> new ArrayList<>()).addAll(contents.remove(source));
                }
            });
            assertThat(actual.start()).isLessThanOrEqualTo(timestamp);
            assertThat(actual.end()).isGreaterThanOrEqualTo(timestamp + gap);
            TimeWindow stateWindow = set.stateWindowOf(actual);
            assertThat(stateWindow).isNotNull();
            contents.computeIfAbsent(stateWindow, w -> new ArrayList<>()).add(timestamp);
            if (set.changed()) {
                stored = WindowCodec.encodeMapping(set.mapping());
            }
        }

        Map<TimeWindow, TimeWindow> mapping = WindowCodec.decodeMapping(stored);
        List<Session> sessions = new ArrayList<>();
        for (Map.Entry<TimeWindow, TimeWindow> entry : mapping.entrySet()) {
            TimeWindow session = entry.getKey();
            TimeWindow stateWindow = entry.getValue();
            List<Long> elements = new ArrayList<>(contents.get(stateWindow));
            Collections.sort(elements);
            sessions.add(new Session("k", session.start(), session.end(), elements));
            // The contents live under the window of one of the session's own elements.
            assertThat(elements).contains(stateWindow.start());
            assertThat(stateWindow.end() - stateWindow.start()).isEqualTo(gap);
        }
        assertThat(new HashSet<>(mapping.values())).hasSameSizeAs(mapping.values());
        assertThat(contents.keySet()).isEqualTo(new HashSet<>(mapping.values()));
        assertThat(sessions).containsExactlyInAnyOrderElementsOf(referenceSessions("k", timestamps, gap));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.weir.windowing.MergingWindowAssigner<?, TimeWindow> castAssigner(EventTimeSessionWindows<?> assigner) {
        return (dev.weir.windowing.MergingWindowAssigner) assigner;
    }

    // ------------------------------------------------------------------ the operator

    @Property(tries = 100)
    void theOperatorEmitsTheReferenceSessionsOfEachKeyWhateverTheArrivalOrder(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = -100, max = 300) Long> timestamps,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 1) Integer> keyIndexes,
            @ForAll @LongRange(min = 1, max = 40) long gap,
            @ForAll Random random,
            @ForAll boolean restartHalfway) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Map<String, List<Long>> byKey = new TreeMap<>();
        List<Session> emitted = new ArrayList<>();
        try (WindowOperatorHarness<String, Long, WindowTestFunctions.Result<List<Long>>> harness =
                     WindowOperatorHarness.openTemporary(resources, KEYS, WindowOperatorHarness.pipeline(KEYS,
                             (keyed, lateSink) -> keyed.window(EventTimeSessionWindows.<Long>withGap(ofMillis(gap)))
                                     .sideOutputLateData(lateSink)
                                     .process(WindowTestFunctions.sortedElements(), Serdes.Long())))) {
            int processed = 0;
            for (int index : order) {
                String key = "k" + keyIndexes.get(index);
                long timestamp = timestamps.get(index);
                harness.processElement(key, timestamp, timestamp);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(timestamp);
                if (restartHalfway && ++processed == order.size() / 2) {
                    harness.checkpointAndRestart();
                }
            }
            assertThat(harness.emitted()).isEmpty();
            harness.advanceWatermark(Long.MAX_VALUE);
            for (WindowOperatorHarness.Emitted<WindowTestFunctions.Result<List<Long>>> out : harness.emitted()) {
                TimeWindow window = (TimeWindow) out.value().window();
                assertThat(out.timestamp()).isEqualTo(window.maxTimestamp());
                emitted.add(new Session(out.value().key(), window.start(), window.end(), out.value().value()));
            }
            assertThat(harness.late()).isEmpty();
        }
        List<Session> expected = new ArrayList<>();
        byKey.forEach((key, keyTimestamps) -> expected.addAll(referenceSessions(key, keyTimestamps, gap)));
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A firing: at which step, which session, with which elements (ids), stamped with which timestamp. */
    record Fired(int step, String key, long start, long end, List<Long> elements, long timestamp) {
    }

    /** A late element: at which step, its id, its timestamp and the watermark it met. */
    record LateSeen(int step, long element, long timestamp, long watermark) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return WindowRunActions.runs(50);
    }

    @Property(tries = 150)
    void sessionsUnderAMovingWatermarkFireMergeAndDropLateElementsAsTheModelSays(
            @ForAll("actions") List<Action> actions,
            @ForAll @LongRange(min = 1, max = 30) long gap,
            @ForAll @LongRange(min = 0, max = 60) long lateness) {
        SessionModel model = new SessionModel(gap, lateness);
        List<Fired> fired = new ArrayList<>();
        List<LateSeen> late = new ArrayList<>();
        try (WindowOperatorHarness<String, Long, WindowTestFunctions.Result<List<Long>>> harness =
                     WindowOperatorHarness.openTemporary(resources, KEYS, WindowOperatorHarness.pipeline(KEYS,
                             (keyed, lateSink) -> keyed.window(EventTimeSessionWindows.<Long>withGap(ofMillis(gap)))
                                     .allowedLateness(ofMillis(lateness))
                                     .sideOutputLateData(lateSink)
                                     .process(WindowTestFunctions.sortedElements(), Serdes.Long())))) {
            long watermark = -60;
            int step = 0;
            for (Action action : actions) {
                step++;
                if (action instanceof Element element) {
                    long timestamp = watermark + element.relative();
                    // The element's value is its step: which elements a session holds is checked, not just how many.
                    harness.processElement(element.key(), timestamp, (long) step);
                    model.element(step, element.key(), timestamp);
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
        Statistics.label("a session fired more than once").collect(fired.stream()
                .map(f -> f.key() + f.start()).distinct().count() < fired.size());
        Statistics.label("sessions merged").collect(fired.stream().anyMatch(f -> f.elements().size() > 1));
        assertThat(fired).containsExactlyInAnyOrderElementsOf(model.fired);
        assertThat(late).containsExactlyElementsOf(model.late);
    }

    private static void collect(int step, WindowOperatorHarness<String, Long, WindowTestFunctions.Result<List<Long>>> harness,
                                List<Fired> fired, List<LateSeen> late) {
        for (WindowOperatorHarness.Emitted<WindowTestFunctions.Result<List<Long>>> out : harness.drainEmitted()) {
            TimeWindow window = (TimeWindow) out.value().window();
            fired.add(new Fired(step, out.value().key(), window.start(), window.end(), out.value().value(), out.timestamp()));
        }
        for (WindowOperatorHarness.Late<Long> seen : harness.drainLate()) {
            late.add(new LateSeen(step, seen.element(), seen.timestamp(), seen.watermark()));
        }
    }

    /**
     * Flink's window operator for event-time sessions with the event-time trigger, written out:
     * <ul>
     *   <li>an element's window {@code [t, t + gap)} merges with every live session of its key that
     *       it overlaps or touches; the live sessions of a key never touch each other;</li>
     *   <li>if it merges with none and its own cleanup time (end - 1 + allowed lateness) is at or
     *       below the watermark, it is dropped, and it is late if {@code t + lateness <= watermark};</li>
     *   <li>otherwise the (merged) session holds it, and fires at once if the watermark already
     *       reached the session's max timestamp;</li>
     *   <li>when the watermark passes a session's max timestamp, the session fires; when it passes
     *       its cleanup time, the session is dropped.</li>
     * </ul>
     */
    static final class SessionModel {

        private final long gap;
        private final long lateness;
        private final Map<String, List<Live>> live = new HashMap<>();
        private long watermark = Long.MIN_VALUE;
        final List<Fired> fired = new ArrayList<>();
        final List<LateSeen> late = new ArrayList<>();

        private record Live(long start, long end, List<Long> elements) {
            long maxTimestamp() {
                return end - 1;
            }
        }

        SessionModel(long gap, long lateness) {
            this.gap = gap;
            this.lateness = lateness;
        }

        void element(int step, String key, long timestamp) {
            List<Live> sessions = live.computeIfAbsent(key, k -> new ArrayList<>());
            long start = timestamp;
            long end = timestamp + gap;
            List<Live> touching = sessions.stream().filter(s -> s.start() <= end && s.end() >= start).toList();
            if (touching.isEmpty() && end - 1 + lateness <= watermark) {
                if (timestamp + lateness <= watermark) {
                    late.add(new LateSeen(step, step, timestamp, watermark));
                }
                return;
            }
            List<Long> elements = new ArrayList<>();
            elements.add((long) step);
            long mergedStart = start;
            long mergedEnd = end;
            for (Live session : touching) {
                mergedStart = Math.min(mergedStart, session.start());
                mergedEnd = Math.max(mergedEnd, session.end());
                elements.addAll(session.elements());
            }
            sessions.removeAll(touching);
            Live merged = new Live(mergedStart, mergedEnd, elements);
            sessions.add(merged);
            if (merged.maxTimestamp() <= watermark) {
                fire(step, key, merged);
            }
        }

        void advance(int step, long newWatermark) {
            if (newWatermark <= watermark) {
                return;
            }
            for (Map.Entry<String, List<Live>> key : live.entrySet()) {
                for (Live session : key.getValue()) {
                    if (session.maxTimestamp() > watermark && session.maxTimestamp() <= newWatermark) {
                        fire(step, key.getKey(), session);
                    }
                }
                key.getValue().removeIf(session -> session.maxTimestamp() + lateness <= newWatermark);
            }
            watermark = newWatermark;
        }

        private void fire(int step, String key, Live session) {
            List<Long> sorted = new ArrayList<>(session.elements());
            Collections.sort(sorted);
            fired.add(new Fired(step, key, session.start(), session.end(), sorted, session.maxTimestamp()));
        }
    }
}
