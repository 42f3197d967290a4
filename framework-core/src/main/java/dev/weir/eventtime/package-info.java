/**
 * Event time: timestamps taken from elements and watermarks that say how far event time has
 * progressed, per source split and per task.
 */
package dev.weir.eventtime;
