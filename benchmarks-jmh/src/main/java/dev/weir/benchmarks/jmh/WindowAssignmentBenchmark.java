package dev.weir.benchmarks.jmh;

import dev.weir.windowing.EventTimeSessionWindows;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The windows an element belongs to, per element, for the event-time assigners of
 * {@code dev.weir.windowing}: tumbling (one window), sliding ({@code windowsPerElement} windows)
 * and sessions, where the element's new session is also merged with the key's open sessions, as
 * the window operator asks the assigner to after each element.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowAssignmentBenchmark {

    private static final Duration SIZE = Duration.ofMinutes(1);
    private static final Duration SESSION_GAP = Duration.ofSeconds(30);
    private static final int TIMESTAMP_COUNT = 10_000;
    /** Event times spread over a day from an arbitrary fixed instant. */
    private static final long FIRST_TIMESTAMP = 1_767_225_600_000L;
    private static final long TIMESTAMP_SPREAD = Duration.ofDays(1).toMillis();

    private final TumblingEventTimeWindows<Object> tumbling = TumblingEventTimeWindows.of(SIZE);
    private final EventTimeSessionWindows<Object> sessions = EventTimeSessionWindows.withGap(SESSION_GAP);
    private long[] timestamps;
    private int next;

    /** Makes the elements' event times. */
    @Setup(Level.Trial)
    public void makeTimestamps() {
        timestamps = new long[TIMESTAMP_COUNT];
        Random random = new Random(42);
        for (int i = 0; i < TIMESTAMP_COUNT; i++) {
            timestamps[i] = FIRST_TIMESTAMP + (long) (random.nextDouble() * TIMESTAMP_SPREAD);
        }
    }

    /** The one tumbling window of an element. */
    @Benchmark
    public Collection<TimeWindow> tumbling() {
        long timestamp = nextTimestamp();
        return tumbling.assignWindows(null, timestamp, timestamp);
    }

    /** The sliding windows of an element. */
    @Benchmark
    public Collection<TimeWindow> sliding(Sliding sliding) {
        long timestamp = nextTimestamp();
        return sliding.assigner.assignWindows(null, timestamp, timestamp);
    }

    /**
     * The session window of an element, merged with the key's open sessions: one long past, one
     * that the element extends, so every element causes one merge of two windows.
     */
    @Benchmark
    public void session(Blackhole blackhole) {
        long timestamp = nextTimestamp();
        Collection<TimeWindow> assigned = sessions.assignWindows(null, timestamp, timestamp);
        List<TimeWindow> windows = new ArrayList<>(3);
        windows.add(new TimeWindow(timestamp - 600_000, timestamp - 570_000));
        windows.add(new TimeWindow(timestamp - 20_000, timestamp + 10_000));
        windows.addAll(assigned);
        sessions.mergeWindows(windows, (merged, result) -> {
            blackhole.consume(merged);
            blackhole.consume(result);
        });
    }

    private long nextTimestamp() {
        long timestamp = timestamps[next];
        if (++next == TIMESTAMP_COUNT) {
            next = 0;
        }
        return timestamp;
    }

    /** A sliding assigner of one-minute windows that puts each element in {@code windowsPerElement} of them. */
    @State(Scope.Thread)
    public static class Sliding {

        /** How many windows each element belongs to: the size divided by the slide. */
        @Param({"6", "60"})
        public int windowsPerElement;

        private SlidingEventTimeWindows<Object> assigner;

        /** Makes the assigner. */
        @Setup(Level.Trial)
        public void makeAssigner() {
            assigner = SlidingEventTimeWindows.of(SIZE, SIZE.dividedBy(windowsPerElement));
        }
    }
}
