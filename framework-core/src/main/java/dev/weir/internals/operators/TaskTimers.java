package dev.weir.internals.operators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.weir.functions.TimeDomain;
import dev.weir.internals.state.InternalTimerService;

/**
 * The timers of a task's operators, in chain order, upstream first: processing-time timers
 * fire when the wall clock reaches them, event-time timers when the watermark reaches the
 * operator that registered them. A new task watermark reaches the operators one by one, each
 * firing its timers before the next operator's watermark moves.
 */
public final class TaskTimers {

    /** Runs one timer firing as an element. */
    @FunctionalInterface
    public interface Runner {

        /** Fires {@code target}'s timer at {@code timestamp}; the key context is set to the timer's key. */
        void run(TimerTarget target, long timestamp, TimeDomain domain);
    }

    private final List<Binding> processing = new ArrayList<>();
    private final List<Binding> eventTime = new ArrayList<>();

    /** Registers an operator's processing-time timers. */
    public void addProcessingTimers(String operatorUid, InternalTimerService timers, TimerTarget target) {
        processing.add(new Binding(operatorUid, timers, target, null));
    }

    /** Registers an operator's event-time timers and returns its event time, at the minimum watermark. */
    public OperatorEventTime addEventTimers(String operatorUid, InternalTimerService timers, TimerTarget target) {
        OperatorEventTime operatorEventTime = new OperatorEventTime(timers);
        eventTime.add(new Binding(operatorUid, timers, target, operatorEventTime));
        return operatorEventTime;
    }

    /** Puts the operators in chain order: {@code uidsUpstreamFirst} lists the task's operators, upstream first. */
    public void order(List<String> uidsUpstreamFirst) {
        Comparator<Binding> chainOrder = Comparator.comparingInt(b -> uidsUpstreamFirst.indexOf(b.operatorUid));
        processing.sort(chainOrder);
        eventTime.sort(chainOrder);
    }

    /** The earliest processing-time timer, {@code Long.MAX_VALUE} if none. */
    public long nextProcessingTime() {
        long next = Long.MAX_VALUE;
        for (Binding binding : processing) {
            next = Math.min(next, binding.timers.nextTimerTime());
        }
        return next;
    }

    /** Fires every processing-time timer due at {@code now}, operator by operator in chain order. */
    public void fireProcessingTimers(long now, Runner runner) {
        for (Binding binding : processing) {
            if (binding.timers.nextTimerTime() <= now) {
                binding.timers.fireTimersUpTo(now, timestamp -> runner.run(binding.target, timestamp,
                        TimeDomain.PROCESSING_TIME));
            }
        }
    }

    /**
     * Brings every operator's watermark to {@code watermark}, upstream first, each firing its
     * event-time timers at or below it before the next operator's watermark moves. Also fires
     * timers registered at or below an operator's unchanged watermark.
     */
    public void advanceWatermark(long watermark, Runner runner) {
        for (Binding binding : eventTime) {
            binding.eventTime.setWatermark(Math.max(binding.eventTime.watermark(), watermark));
            long upTo = binding.eventTime.watermark();
            if (binding.timers.nextTimerTime() <= upTo) {
                binding.timers.fireTimersUpTo(upTo, timestamp -> runner.run(binding.target, timestamp,
                        TimeDomain.EVENT_TIME));
            }
        }
    }

    /** Whether an operator has an event-time timer at or below its watermark: one registered there since. */
    public boolean hasEventTimersDue() {
        for (Binding binding : eventTime) {
            if (binding.timers.nextTimerTime() <= binding.eventTime.watermark()) {
                return true;
            }
        }
        return false;
    }

    /** Sets every operator's watermark to {@code watermark}, firing nothing: after a restore. */
    public void resetWatermark(long watermark) {
        eventTime.forEach(binding -> binding.eventTime.setWatermark(watermark));
    }

    private record Binding(String operatorUid, InternalTimerService timers, TimerTarget target,
                           OperatorEventTime eventTime) {
    }
}
