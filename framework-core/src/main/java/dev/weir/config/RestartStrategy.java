package dev.weir.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What a worker does after an unexpected failure, as in Flink: it closes its tasks, waits, and
 * joins the group again with fresh clients, unless the strategy says it has failed too often.
 */
public final class RestartStrategy {

    /** The kind of strategy. */
    public enum Kind {
        /** Restart after a fixed delay, up to a number of attempts. */
        FIXED_DELAY,
        /** Restart after a delay unless too many failures fall within an interval. */
        FAILURE_RATE,
        /** Never restart: the first failure stops the worker. */
        NONE
    }

    private final Kind kind;
    private final int maxFailures;
    private final Duration interval;
    private final Duration delay;

    private RestartStrategy(Kind kind, int maxFailures, Duration interval, Duration delay) {
        this.kind = kind;
        this.maxFailures = maxFailures;
        this.interval = interval;
        this.delay = delay;
    }

    /** Restarts up to {@code attempts} times in all, waiting {@code delay} before each. */
    public static RestartStrategy fixedDelay(int attempts, Duration delay) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        return new RestartStrategy(Kind.FIXED_DELAY, attempts, null, requirePositiveOrZero(delay));
    }

    /** Restarts after {@code delay} unless more than {@code maxFailures} failures fall within {@code interval}. */
    public static RestartStrategy failureRate(int maxFailures, Duration interval, Duration delay) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        return new RestartStrategy(Kind.FAILURE_RATE, maxFailures, interval, requirePositiveOrZero(delay));
    }

    /** Never restarts. */
    public static RestartStrategy none() {
        return new RestartStrategy(Kind.NONE, 0, null, Duration.ZERO);
    }

    public Kind kind() {
        return kind;
    }

    /** Attempts for {@link Kind#FIXED_DELAY}, failures per interval for {@link Kind#FAILURE_RATE}. */
    public int maxFailures() {
        return maxFailures;
    }

    /** The interval of {@link Kind#FAILURE_RATE}; {@code null} otherwise. */
    public Duration interval() {
        return interval;
    }

    /** The wait before a restart. */
    public Duration delay() {
        return delay;
    }

    private static Duration requirePositiveOrZero(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return delay;
    }

    @Override
    public String toString() {
        switch (kind) {
            case FIXED_DELAY:
                return "fixed-delay(attempts=" + maxFailures + ", delay=" + delay + ")";
            case FAILURE_RATE:
                return "failure-rate(max-failures=" + maxFailures + ", interval=" + interval + ", delay=" + delay + ")";
            default:
                return "none";
        }
    }
}
