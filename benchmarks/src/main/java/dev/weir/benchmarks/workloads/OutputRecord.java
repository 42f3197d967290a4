package dev.weir.benchmarks.workloads;

/**
 * An output record as compared: key and value, and the timestamp where the workload fixes it.
 *
 * @param key the record key
 * @param value the record value
 * @param timestamp the record timestamp, or {@code null} where it does not matter (windowed outputs)
 */
record OutputRecord(String key, String value, Long timestamp) {

    @Override
    public String toString() {
        return key + " → " + value + (timestamp == null ? "" : " @" + timestamp);
    }
}
