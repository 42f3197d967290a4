package dev.weir.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by checking it repeatedly. The test kit cannot depend on Awaitility
 * (it is a test-only dependency of the build), so it has this small loop of its own.
 */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Polling() {
    }

    /**
     * Returns once the condition holds.
     *
     * @param condition checked every 20 ms
     * @param timeout   how long to wait at most
     * @param failure   the message of the {@link AssertionError} thrown on timeout; computed
     *                  only then, so it may describe the state at that moment
     * @throws AssertionError if the condition does not hold within the timeout
     */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            pause();
        }
    }

    /** Sleeps one polling interval, keeping the interrupt flag if interrupted. */
    static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
