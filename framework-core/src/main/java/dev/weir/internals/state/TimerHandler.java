package dev.weir.internals.state;

/** Called for each timer that fires, with the key context set to the timer's key. */
@FunctionalInterface
public interface TimerHandler {

    /** The timer registered for {@code timestamp} fired. */
    void onTimer(long timestamp);
}
