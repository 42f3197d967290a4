package dev.weir.benchmarks.workloads;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One generated input record: what a loader sends to the input topic.
 *
 * @param key the record key, {@code null} for Nexmark events
 * @param value the record value
 * @param timestamp the synthetic event time, epoch milliseconds: the record's timestamp
 */
public record InputRecord(String key, String value, long timestamp) {

    /** This record as a producer record for {@code topic}, partitioned by Kafka's default partitioner. */
    public ProducerRecord<String, String> toProducerRecord(String topic) {
        return new ProducerRecord<>(topic, null, timestamp, key, value);
    }
}
