package dev.weir.chaos;

import java.time.Duration;

/** Prints what the chaos run does, with the time since the run began, to standard output. */
final class ChaosLog {

    private final long startNanos = System.nanoTime();

    /**
     * Prints one event.
     *
     * @param text what happened
     */
    void event(String text) {
        Duration since = elapsed();
        System.out.printf("[chaos +%d:%02d] %s%n", since.toMinutes(), since.toSecondsPart(), text);
        System.out.flush();
    }

    /** @return the time since the run began */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
