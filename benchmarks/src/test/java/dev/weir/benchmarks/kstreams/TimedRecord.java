package dev.weir.benchmarks.kstreams;

/**
 * A record of a test's input or output: where it is, what it says and when.
 *
 * @param partition the partition
 * @param key       the key, possibly {@code null}
 * @param value     the value
 * @param timestamp the record timestamp
 */
record TimedRecord(int partition, String key, String value, long timestamp) {
}
