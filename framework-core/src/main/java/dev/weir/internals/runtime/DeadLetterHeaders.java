package dev.weir.internals.runtime;

/** The headers Weir puts on dead-letter records, saying where a record came from and why it failed. */
public final class DeadLetterHeaders {

    /** The topic the record was read from. */
    public static final String SOURCE_TOPIC = "weir.dlq.source.topic";
    /** The partition the record was read from. */
    public static final String SOURCE_PARTITION = "weir.dlq.source.partition";
    /** The record's offset in that partition. */
    public static final String SOURCE_OFFSET = "weir.dlq.source.offset";
    /** The uid of the operator that failed. */
    public static final String OPERATOR = "weir.dlq.operator";
    /** The class of the exception. */
    public static final String EXCEPTION_CLASS = "weir.dlq.exception.class";
    /** The exception's message. */
    public static final String EXCEPTION_MESSAGE = "weir.dlq.exception.message";
    /** For a failed timer: the timer's timestamp. */
    public static final String TIMER_TIMESTAMP = "weir.dlq.timer.timestamp";

    private DeadLetterHeaders() {
    }
}
