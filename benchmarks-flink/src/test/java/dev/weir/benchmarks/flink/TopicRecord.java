package dev.weir.benchmarks.flink;

/**
 * A record as the tests write and read it.
 *
 * @param key       the key, or {@code null}
 * @param value     the value
 * @param timestamp the record timestamp
 */
record TopicRecord(String key, String value, long timestamp) {
}
