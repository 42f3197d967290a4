package dev.weir.benchmarks.flink;

/**
 * A Kafka record's key and value as text, the element type at both ends of every benchmark job. The
 * record's timestamp travels beside it as Flink's element timestamp.
 *
 * @param key   the key, {@code null} for unkeyed records (the Nexmark input)
 * @param value the value
 */
public record KafkaText(String key, String value) {
}
