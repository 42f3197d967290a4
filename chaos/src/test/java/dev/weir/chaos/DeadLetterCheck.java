package dev.weir.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weir.internals.runtime.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Checks the dead-letter topic against the poison records, independently of the pipeline: it
 * reads the topic with {@code read_committed}, without a group, to its end, and expects each
 * poison record exactly once, with headers naming the input topic, the partition and offset it
 * was written to, the operator that failed and the exception's class and message.
 */
final class DeadLetterCheck {

    private static final int MAX_SAMPLES = 20;
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String input;

    /**
     * Describes the check.
     *
     * @param bootstrapServers the broker
     * @param deadLetterTopic  the dead-letter topic
     * @param input            the input topic the poison records were written to
     */
    DeadLetterCheck(String bootstrapServers, String deadLetterTopic, String input) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.input = input;
    }

    /**
     * Reads the topic and compares it with the poison records.
     *
     * @param chaosInput the input, which knows each poison record's id, kind and key
     * @param locations  where each poison record was written, as {@code partition@offset}
     * @return the verdict
     */
    Report check(ChaosInput chaosInput, Map<Integer, String> locations) {
        Map<Integer, Integer> seen = new HashMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> wrongHeaders = new ArrayList<>();
        long unexpectedCount = 0;
        long wrongHeaderCount = 0;
        long duplicated = 0;
        for (ConsumerRecord<byte[], byte[]> record : readCommitted()) {
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            Integer id = poisonId(value);
            ChaosInput.PoisonKind kind = id == null ? null : chaosInput.poison().get(id);
            if (kind == null) {
                unexpectedCount++;
                sample(unexpected, value + " from " + header(record, DeadLetterHeaders.SOURCE_PARTITION) + "@"
                        + header(record, DeadLetterHeaders.SOURCE_OFFSET));
                continue;
            }
            if (seen.merge(id, 1, Integer::sum) > 1) {
                duplicated++;
            }
            String problem = headerProblem(record, kind, chaosInput.key(id), locations.get(id));
            if (problem != null) {
                wrongHeaderCount++;
                sample(wrongHeaders, "poison record " + id + ": " + problem);
            }
        }
        long missing = chaosInput.poison().keySet().stream().filter(id -> !seen.containsKey(id)).count();
        return new Report(chaosInput.poison().size(), seen.size(), missing, duplicated, unexpectedCount, unexpected,
                wrongHeaderCount, wrongHeaders);
    }

    /** Says what is wrong with a dead letter's key and headers, or {@code null} if nothing is. */
    private String headerProblem(ConsumerRecord<byte[], byte[]> record, ChaosInput.PoisonKind kind, String key,
                                 String location) {
        String where = header(record, DeadLetterHeaders.SOURCE_PARTITION) + "@" + header(record, DeadLetterHeaders.SOURCE_OFFSET);
        String message = header(record, DeadLetterHeaders.EXCEPTION_MESSAGE);
        if (!input.equals(header(record, DeadLetterHeaders.SOURCE_TOPIC))) {
            return "source topic " + header(record, DeadLetterHeaders.SOURCE_TOPIC) + ", expected " + input;
        }
        if (!where.equals(location)) {
            return "source " + where + ", but it was written to " + location;
        }
        if (!kind.operator().equals(header(record, DeadLetterHeaders.OPERATOR))) {
            return "operator " + header(record, DeadLetterHeaders.OPERATOR) + ", expected " + kind.operator();
        }
        if (!kind.exceptionClass().equals(header(record, DeadLetterHeaders.EXCEPTION_CLASS))) {
            return "exception " + header(record, DeadLetterHeaders.EXCEPTION_CLASS) + ", expected " + kind.exceptionClass();
        }
        if (message == null || message.isBlank()) {
            return "no exception message";
        }
        if (record.key() == null || !key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            return "key " + (record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                    + ", expected " + key;
        }
        return null;
    }

    /** The id a poison value carries: {@code garbage-<id>} or {@code -<id>}. */
    private static Integer poisonId(String value) {
        String digits = value.startsWith("garbage-") ? value.substring("garbage-".length())
                : value.startsWith("-") ? value.substring(1) : null;
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private List<ConsumerRecord<byte[], byte[]>> readCommitted() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "chaos-dead-letter-check"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT)
                    .forEach(p -> partitions.add(new TopicPartition(deadLetterTopic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("could not read " + deadLetterTopic + " to its end " + end
                            + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sample(List<String> samples, String sample) {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(sample);
        }
    }

    /**
     * The verdict on the dead-letter topic.
     *
     * @param expected         poison records written
     * @param found            distinct poison records found
     * @param missing          poison records not found
     * @param duplicated       extra copies of poison records
     * @param unexpected       dead letters that are no poison record
     * @param unexpectedSample some of them
     * @param wrongHeaders     dead letters whose key or headers are wrong
     * @param wrongHeaderSample what was wrong with some of them
     */
    record Report(long expected, long found, long missing, long duplicated, long unexpected,
                  List<String> unexpectedSample, long wrongHeaders, List<String> wrongHeaderSample) {

        /** @return whether the topic holds every poison record once, with the right headers, and nothing else */
        boolean isExact() {
            return missing == 0 && duplicated == 0 && unexpected == 0 && wrongHeaders == 0 && found == expected;
        }

        @Override
        public String toString() {
            return (isExact() ? "dead letters exact: " : "dead letters NOT exact: ") + found + " of " + expected
                    + " poison records, " + missing + " missing, " + duplicated + " duplicated, " + unexpected
                    + " unexpected " + unexpectedSample + ", " + wrongHeaders + " with wrong headers "
                    + wrongHeaderSample;
        }
    }
}
