package dev.weir.eventtime;

/**
 * Extracts an element's event time, in epoch milliseconds. It must be deterministic: replaying
 * a record after a failure must yield the same timestamp.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /**
     * The event time of {@code element}.
     *
     * @param recordTimestamp the timestamp of the Kafka record the element came from
     */
    long extractTimestamp(T element, long recordTimestamp);
}
