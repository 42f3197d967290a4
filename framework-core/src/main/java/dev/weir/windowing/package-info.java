/**
 * Windows on keyed streams, as in Flink: assigners that put elements into windows, triggers
 * that decide when a window is evaluated, and the windows themselves.
 */
package dev.weir.windowing;
