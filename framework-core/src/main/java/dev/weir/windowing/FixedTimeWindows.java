package dev.weir.windowing;

import java.util.Collection;

/**
 * Windows of one size that start every {@code slide}, aligned to the epoch plus an offset, in
 * event time or in processing time; tumbling windows are those whose slide is their size.
 *
 * @param <T> the element type
 */
abstract class FixedTimeWindows<T> extends WindowAssigner<T, TimeWindow> {

    private final long size;
    private final long slide;
    private final long offset;
    private final boolean eventTime;

    FixedTimeWindows(long size, long slide, long offset, boolean eventTime) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.eventTime = eventTime;
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime) {
        return TimeWindows.sliding(eventTime ? timestamp : currentProcessingTime, size, slide, offset);
    }

    @Override
    public Trigger<T, TimeWindow> defaultTrigger() {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + size + " ms" + (slide == size ? "" : ", every " + slide + " ms")
                + (offset == 0 ? "" : ", offset " + offset + " ms") + ")";
    }
}
