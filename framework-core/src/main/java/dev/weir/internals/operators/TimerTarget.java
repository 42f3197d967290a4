package dev.weir.internals.operators;

import dev.weir.functions.TimeDomain;

/** An operator whose timers fire: the key context is already set to the timer's key. */
public interface TimerTarget {

    /** Fires one timer of the current key. */
    void onTimer(long timestamp, TimeDomain domain);
}
