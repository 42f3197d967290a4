package dev.weir.spring.internals;

import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.weir.spring.annotation.WeirWindow;
import dev.weir.windowing.EventTimeSessionWindows;
import dev.weir.windowing.ProcessingTimeSessionWindows;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.SlidingProcessingTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import dev.weir.windowing.TumblingProcessingTimeWindows;
import dev.weir.windowing.WindowAssigner;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.ResolvableType;

/**
 * The windows of a {@link WeirWindow} bean, with its placeholders resolved and its durations parsed.
 *
 * @param assigner what cuts the stream into windows
 * @param allowedLateness how long a closed event-time window still takes late elements
 * @param dropLateData whether elements too late for every window are dropped
 * @param accumulatorType the accumulator of the bean's aggregate function; {@code null} if the windows keep their elements
 */
record WindowSpec(WindowAssigner<Object, TimeWindow> assigner, Duration allowedLateness, boolean dropLateData,
                  ResolvableType accumulatorType) {

    /** Whether the windows close by the input topic's watermark. */
    boolean eventTime() {
        return assigner.isEventTime();
    }

    /** Whether the bean aggregates each window's elements as they arrive. */
    boolean aggregates() {
        return accumulatorType != null;
    }

    /**
     * Reads {@code annotation}, resolving placeholders with {@code placeholders}.
     *
     * @param where the bean, as error messages name it
     * @throws IllegalStateException naming the attribute if a duration does not parse, or the
     *         attributes do not describe one kind of window
     */
    static WindowSpec of(WeirWindow annotation, ResolvableType accumulatorType, UnaryOperator<String> placeholders,
                         String where) {
        Duration size = duration(annotation.size(), "size", placeholders, where);
        Duration slide = duration(annotation.slide(), "slide", placeholders, where);
        Duration gap = duration(annotation.sessionGap(), "sessionGap", placeholders, where);
        Duration lateness = duration(annotation.allowedLateness(), "allowedLateness", placeholders, where);
        boolean eventTime = annotation.time() == WeirWindow.Time.EVENT;
        if ((size == null) == (gap == null)) {
            throw new IllegalStateException(where + " must set either @WeirWindow(size = ...) for tumbling or sliding "
                    + "windows or @WeirWindow(sessionGap = ...) for session windows; it sets " + (size == null ? "neither" : "both"));
        }
        if (gap != null && slide != null) {
            throw new IllegalStateException(where + " sets @WeirWindow(slide = ...) with a session gap; only windows "
                    + "of a fixed size slide");
        }
        if (lateness != null && !eventTime) {
            throw new IllegalStateException(where + " sets @WeirWindow(allowedLateness = ...) on processing-time "
                    + "windows; only event-time windows take late elements");
        }
        try {
            return new WindowSpec(assigner(size, slide, gap, eventTime), lateness == null ? Duration.ZERO : lateness,
                    annotation.dropLateData(), accumulatorType);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": @WeirWindow: " + e.getMessage(), e);
        }
    }

    private static WindowAssigner<Object, TimeWindow> assigner(Duration size, Duration slide, Duration gap,
                                                               boolean eventTime) {
        if (gap != null) {
            return eventTime ? EventTimeSessionWindows.withGap(gap) : ProcessingTimeSessionWindows.withGap(gap);
        }
        if (slide != null) {
            return eventTime ? SlidingEventTimeWindows.of(size, slide) : SlidingProcessingTimeWindows.of(size, slide);
        }
        return eventTime ? TumblingEventTimeWindows.of(size) : TumblingProcessingTimeWindows.of(size);
    }

    private static Duration duration(String text, String attribute, UnaryOperator<String> placeholders, String where) {
        String resolved = placeholders.apply(text);
        if (resolved.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(resolved);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " has @WeirWindow(" + attribute + " = \"" + resolved
                    + "\"), which is not a duration such as 10s, 1m or PT1H", e);
        }
    }
}
