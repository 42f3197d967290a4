package dev.weir.functions;

/** The clock a timer belongs to. */
public enum TimeDomain {
    /** The wall clock of the instance that owns the key. */
    PROCESSING_TIME,
    /** The watermark of the task that owns the key. */
    EVENT_TIME
}
