package dev.weir.internals.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.weir.config.RestartStrategy;

/** Decides, failure by failure, whether a worker may restart under its {@link RestartStrategy}. */
public final class RestartTracker {

    private final RestartStrategy strategy;
    private final Deque<Long> failureTimes = new ArrayDeque<>();
    private int failures;

    public RestartTracker(RestartStrategy strategy) {
        this.strategy = strategy;
    }

    /** Records a failure at {@code nowMillis}; whether a restart is still allowed. */
    public boolean allowRestart(long nowMillis) {
        switch (strategy.kind()) {
            case FIXED_DELAY:
                failures++;
                return failures <= strategy.maxFailures();
            case FAILURE_RATE:
                failureTimes.addLast(nowMillis);
                long windowStart = nowMillis - strategy.interval().toMillis();
                while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= windowStart) {
                    failureTimes.removeFirst();
                }
                return failureTimes.size() <= strategy.maxFailures();
            default:
                return false;
        }
    }

    /** How long to wait before the restart. */
    public long delayMillis() {
        return strategy.delay().toMillis();
    }
}
