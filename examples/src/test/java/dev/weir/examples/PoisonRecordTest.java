package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import dev.weir.internals.runtime.DeadLetterHeaders;
import dev.weir.test.CheckReport;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records among good ones, with an instance SIGKILLed mid-stream: every poison record
 * reaches the dead-letter topic exactly once, with headers saying where it came from and why;
 * the good ones produce exactly-once output; a record that failed after writing state left no
 * trace in it.
 */
class PoisonRecordTest {

    private static final int RECORDS = 60_000;
    private static final String DLQ = "validated-sum-dlq";

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void poisonRecordsGoToTheDeadLetterTopicOnceWithHeadersAndGoodRecordsStayExactlyOnce(@TempDir Path dir)
            throws Exception {
        kafka.createTopic("amounts", 6);
        kafka.createTopic("sums", 6);
        Map<String, List<Long>> expectedSums = new HashMap<>();
        Map<String, Long> sums = new HashMap<>();
        Map<String, Poison> poison = new HashMap<>();
        try (PipelineInstances instances = new PipelineInstances("validated-sum", kafka.bootstrapServers(), dir,
                "amounts", "sums");
             KafkaProducer<String, String> producer = producer()) {
            ChildJvm first = instances.start("a");
            instances.start("b");
            List<Future<RecordMetadata>> poisonWrites = new ArrayList<>();
            List<Poison> poisonKinds = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                String key = "account-" + (i % 1_000);
                String value;
                if (i % 97 == 0) {
                    value = "not-a-number-" + i;
                    poisonKinds.add(new Poison(ValidatedSum.SOURCE_UID, NumberFormatException.class.getName()));
                } else if (i % 101 == 0) {
                    value = "-5";
                    poisonKinds.add(new Poison(ValidatedSum.SUM_UID, IllegalArgumentException.class.getName()));
                } else {
                    long amount = i % 50 + 1;
                    value = Long.toString(amount);
                    long sum = sums.merge(key, amount, Long::sum);
                    expectedSums.computeIfAbsent(key, k -> new ArrayList<>()).add(sum);
                }
                Future<RecordMetadata> write = producer.send(new ProducerRecord<>("amounts", key, value));
                if (i % 97 == 0 || i % 101 == 0) {
                    poisonWrites.add(write);
                }
                if (i == RECORDS / 2) {
                    producer.flush();
                    checker().awaitCommittedRecords(RECORDS / 4, Duration.ofMinutes(2));
                    first.kill();
                    instances.start("a");
                }
            }
            producer.flush();
            for (int i = 0; i < poisonWrites.size(); i++) {
                RecordMetadata m = poisonWrites.get(i).get();
                poison.put(m.partition() + "@" + m.offset(), poisonKinds.get(i));
            }
            long good = expectedSums.values().stream().mapToLong(List::size).sum();
            checker().awaitCommittedRecords(good, Duration.ofMinutes(3));
            awaitDeadLetters(poison.size());
        }

        CheckReport<String, Long> report = checker().checkPerKeySequences(expectedSums);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = readCommitted(DLQ);
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("amounts");
            String where = header(record, DeadLetterHeaders.SOURCE_PARTITION) + "@" + header(record, DeadLetterHeaders.SOURCE_OFFSET);
            Poison expected = poison.get(where);
            assertThat(expected).as("dead letter from %s is a poison record", where).isNotNull();
            assertThat(seen.add(where)).as("dead letter from %s appears once", where).isTrue();
            assertThat(header(record, DeadLetterHeaders.OPERATOR)).isEqualTo(expected.operator());
            assertThat(header(record, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(expected.exceptionClass());
            assertThat(header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).startsWith("account-");
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(poison.keySet());
    }

    private record Poison(String operator, String exceptionClass) {
    }

    private static void awaitDeadLetters(int count) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readCommitted(DLQ).size() >= count);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ExactlyOnceChecker<String, Long> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "sums", new StringDeserializer(), new LongDeserializer());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer());
    }
}
