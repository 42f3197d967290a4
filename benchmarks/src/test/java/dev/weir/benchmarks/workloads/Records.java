package dev.weir.benchmarks.workloads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;

/** Consumer records for verifier tests, as a read-back topic would hold them. */
final class Records {

    private Records() {
    }

    /** A record of partition {@code partition} at {@code offset}. */
    static ConsumerRecord<String, String> record(int partition, long offset, String key, String value, long timestamp) {
        return new ConsumerRecord<>("topic", partition, offset, timestamp, TimestampType.CREATE_TIME, -1, -1, key, value,
                new RecordHeaders(), Optional.empty());
    }

    /** A record of partition 0, offset 0: for outputs, whose offsets do not matter. */
    static ConsumerRecord<String, String> out(String key, String value, long timestamp) {
        return record(0, 0, key, value, timestamp);
    }

    /**
     * The generated records as a topic of {@code partitions} partitions would hold them: keyed
     * records where Kafka's default partitioner puts them, unkeyed ones round-robin.
     */
    static List<ConsumerRecord<String, String>> asTopic(List<InputRecord> generated, int partitions) {
        Map<Integer, Long> offsets = new HashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(generated.size());
        int i = 0;
        for (InputRecord r : generated) {
            int partition = r.key() == null ? i % partitions
                    : Utils.toPositive(Utils.murmur2(r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
            long offset = offsets.merge(partition, 1L, Long::sum) - 1;
            records.add(record(partition, offset, r.key(), r.value(), r.timestamp()));
            i++;
        }
        return records;
    }

    /** The first {@code count} records of a generator. */
    static List<InputRecord> generate(InputGenerator generator, int count) {
        List<InputRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(generator.next());
        }
        return records;
    }
}
