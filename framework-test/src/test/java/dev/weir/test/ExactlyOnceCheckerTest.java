package dev.weir.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExactlyOnceCheckerTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaCluster.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void topicMatchingTheModelIsExactlyOnce() {
        String topic = topic(3);
        Map<String, List<String>> model = new LinkedHashMap<>();
        for (int k = 0; k < 10; k++) {
            List<String> values = new ArrayList<>();
            for (int v = 0; v < 20; v++) {
                values.add("v" + v);
            }
            model.put("key-" + k, values);
        }
        // Interleave the keys, as a pipeline would, while each key keeps its own order.
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            for (String key : model.keySet()) {
                records.add(Map.entry(key, model.get(key).get(v)));
            }
        }
        produce(topic, records);

        CheckReport<String, String> perKey = checker(topic).checkPerKeySequences(model);
        CheckReport<String, String> multiset = checker(topic).checkMultiset(records);

        assertThat(perKey.isExactlyOnce()).as(perKey.toString()).isTrue();
        assertThat(perKey.recordsRead()).isEqualTo(200);
        assertThat(perKey.recordsExpected()).isEqualTo(200);
        assertThat(multiset.isExactlyOnce()).as(multiset.toString()).isTrue();
        assertThat(multiset.recordsRead()).isEqualTo(200);
        assertThat(perKey.toString()).startsWith("exactly-once: topic '" + topic + "', 200 committed records read");
    }

    @Test
    void missingRecordsAreReported() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("k", "1"), Map.entry("k", "3")));

        CheckReport<String, String> perKey = checker(topic).checkPerKeySequences(Map.of("k", List.of("1", "2", "3")));
        CheckReport<String, String> multiset = checker(topic)
                .checkMultiset(List.of(Map.entry("k", "1"), Map.entry("k", "2"), Map.entry("k", "3")));

        assertThat(perKey.isExactlyOnce()).isFalse();
        assertThat(perKey.missingCount()).isEqualTo(1);
        assertThat(perKey.missing()).containsExactly(Map.entry("k", "2"));
        assertThat(perKey.duplicatedCount() + perKey.unexpectedCount() + perKey.outOfOrderCount()).isZero();
        assertThat(multiset.missing()).containsExactly(Map.entry("k", "2"));
        assertThat(perKey.toString()).startsWith("NOT exactly-once").contains("missing: 1 [k=2]");
    }

    @Test
    void keysThatNeverAppearAreReportedAsMissing() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("present", "1")));

        CheckReport<String, String> report = checker(topic)
                .checkPerKeySequences(Map.of("present", List.of("1"), "absent", List.of("1", "2")));

        assertThat(report.missing()).containsExactly(Map.entry("absent", "1"), Map.entry("absent", "2"));
    }

    @Test
    void duplicatedRecordsAreReportedWithTheirPosition() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("k", "1"), Map.entry("k", "2"), Map.entry("k", "2"), Map.entry("k", "3")));

        CheckReport<String, String> perKey = checker(topic).checkPerKeySequences(Map.of("k", List.of("1", "2", "3")));
        CheckReport<String, String> multiset = checker(topic)
                .checkMultiset(List.of(Map.entry("k", "1"), Map.entry("k", "2"), Map.entry("k", "3")));

        assertThat(perKey.duplicated()).containsExactly(new ObservedRecord<>(0, 2, "k", "2"));
        assertThat(perKey.missingCount() + perKey.unexpectedCount() + perKey.outOfOrderCount()).isZero();
        assertThat(multiset.duplicated()).containsExactly(new ObservedRecord<>(0, 2, "k", "2"));
        assertThat(multiset.isExactlyOnce()).isFalse();
    }

    @Test
    void valuesExpectedTwiceMustAppearTwice() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("k", "same"), Map.entry("k", "same")));

        CheckReport<String, String> twice = checker(topic).checkPerKeySequences(Map.of("k", List.of("same", "same")));
        CheckReport<String, String> thrice = checker(topic)
                .checkMultiset(List.of(Map.entry("k", "same"), Map.entry("k", "same"), Map.entry("k", "same")));

        assertThat(twice.isExactlyOnce()).as(twice.toString()).isTrue();
        assertThat(thrice.missing()).containsExactly(Map.entry("k", "same"));
    }

    @Test
    void recordsOutsideTheModelAreReportedAsUnexpected() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("k", "1"), Map.entry("k", "surprise"), Map.entry("stranger", "1")));

        CheckReport<String, String> perKey = checker(topic).checkPerKeySequences(Map.of("k", List.of("1")));
        CheckReport<String, String> multiset = checker(topic).checkMultiset(List.of(Map.entry("k", "1")));

        assertThat(perKey.unexpected()).containsExactly(
                new ObservedRecord<>(0, 1, "k", "surprise"), new ObservedRecord<>(0, 2, "stranger", "1"));
        assertThat(perKey.missingCount() + perKey.duplicatedCount() + perKey.outOfOrderCount()).isZero();
        assertThat(multiset.unexpected()).containsExactlyElementsOf(perKey.unexpected());
    }

    @Test
    void outOfOrderRecordsAreReportedOnlyByThePerKeyCheck() {
        String topic = topic(1);
        produce(topic, List.of(Map.entry("k", "1"), Map.entry("k", "3"), Map.entry("k", "2"), Map.entry("k", "4")));

        CheckReport<String, String> perKey = checker(topic).checkPerKeySequences(Map.of("k", List.of("1", "2", "3", "4")));
        CheckReport<String, String> multiset = checker(topic).checkMultiset(
                List.of(Map.entry("k", "1"), Map.entry("k", "2"), Map.entry("k", "3"), Map.entry("k", "4")));

        assertThat(perKey.outOfOrder()).containsExactly(new ObservedRecord<>(0, 2, "k", "2"));
        assertThat(perKey.missingCount() + perKey.duplicatedCount() + perKey.unexpectedCount()).isZero();
        assertThat(perKey.toString()).contains("out of order: 1");
        assertThat(multiset.isExactlyOnce()).as(multiset.toString()).isTrue();
    }

    @Test
    void recordsOfAbortedTransactionsAreNotCounted() {
        String topic = topic(2);
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(kafka.bootstrapServers(), "tx-" + topic)) {
            sendInTransaction(producer, topic, List.of("1", "2"));
            producer.commitTransaction();
            sendInTransaction(producer, topic, List.of("aborted-a", "aborted-b"));
            producer.flush();
            producer.abortTransaction();
            sendInTransaction(producer, topic, List.of("3"));
            producer.commitTransaction();
        }
        Map<String, List<String>> model = Map.of("k", List.of("1", "2", "3"));

        CheckReport<String, String> committed = checker(topic).checkPerKeySequences(model);
        // Reading everything proves the aborted records are in the log: read_committed hides them.
        CheckReport<String, String> uncommitted = checker(topic)
                .withConsumerProperty("isolation.level", "read_uncommitted").checkPerKeySequences(model);

        assertThat(committed.isExactlyOnce()).as(committed.toString()).isTrue();
        assertThat(committed.recordsRead()).isEqualTo(3);
        assertThat(uncommitted.unexpected()).extracting(ObservedRecord::value).containsExactly("aborted-a", "aborted-b");
    }

    @Test
    void checkStopsAtTheLastStableOffsetWhileATransactionIsOpen() {
        String topic = topic(1);
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(kafka.bootstrapServers(), "tx-" + topic)) {
            sendInTransaction(producer, topic, List.of("1"));
            producer.commitTransaction();
            sendInTransaction(producer, topic, List.of("2"));
            producer.flush();

            CheckReport<String, String> whileOpen = checker(topic).checkPerKeySequences(Map.of("k", List.of("1")));
            producer.commitTransaction();
            CheckReport<String, String> afterCommit = checker(topic).checkPerKeySequences(Map.of("k", List.of("1", "2")));

            assertThat(whileOpen.isExactlyOnce()).as(whileOpen.toString()).isTrue();
            assertThat(afterCommit.isExactlyOnce()).as(afterCommit.toString()).isTrue();
        }
    }

    @Test
    void countsAreCompleteWhileSamplesAreBounded() {
        String topic = topic(1);
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(Map.entry("k", "unexpected-" + i));
        }
        produce(topic, records);

        CheckReport<String, String> report = checker(topic).withMaxSamples(5).checkMultiset(List.of());

        assertThat(report.unexpectedCount()).isEqualTo(30);
        assertThat(report.unexpected()).hasSize(5);
        assertThat(report.toString()).contains("unexpected: 30, first 5 [k=unexpected-0@0:0");
    }

    @Test
    void largeTopicsAreCheckedCompletely() {
        String topic = topic(4);
        int keys = 1_000;
        int valuesPerKey = 200;
        Map<String, List<String>> model = new LinkedHashMap<>();
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            for (int v = 0; v < valuesPerKey; v++) {
                for (int k = 0; k < keys; k++) {
                    String key = "key-" + k;
                    String value = Integer.toString(v);
                    model.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
                    writes.add(producer.send(new ProducerRecord<>(topic, key, value)));
                }
            }
        }
        // The model holds only if every write landed.
        for (Future<RecordMetadata> write : writes) {
            assertThat(write).succeedsWithin(Duration.ZERO);
        }
        // Lose one record of the model, so that a check which read nothing could not pass.
        model.get("key-7").add("never written");

        CheckReport<String, String> report = checker(topic).checkPerKeySequences(model);

        assertThat(report.recordsRead()).isEqualTo((long) keys * valuesPerKey);
        assertThat(report.missing()).containsExactly(Map.entry("key-7", "never written"));
        assertThat(report.duplicatedCount() + report.unexpectedCount() + report.outOfOrderCount()).isZero();
    }

    @Test
    void awaitCommittedRecordsReturnsOnceEnoughRecordsAreCommitted() throws Exception {
        String topic = topic(2);
        CompletableFuture<Long> awaited = CompletableFuture.supplyAsync(() -> checker(topic).awaitCommittedRecords(4, TIMEOUT));

        produce(topic, List.of(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"), Map.entry("d", "4")));

        assertThat(awaited.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4);
    }

    @Test
    void awaitCommittedRecordsIgnoresAbortedRecordsAndFailsOnTimeout() {
        String topic = topic(1);
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(kafka.bootstrapServers(), "tx-" + topic)) {
            sendInTransaction(producer, topic, List.of("1", "2"));
            producer.commitTransaction();
            sendInTransaction(producer, topic, List.of("aborted-a", "aborted-b"));
            producer.flush();
            producer.abortTransaction();
        }

        assertThat(checker(topic).awaitCommittedRecords(2, TIMEOUT)).isEqualTo(2);
        assertThatThrownBy(() -> checker(topic).awaitCommittedRecords(3, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has 2 committed records")
                .hasMessageContaining("expected at least 3");
    }

    @Test
    void checkingATopicThatDoesNotExistFails() {
        ExactlyOnceChecker<String, String> checker = checker("no-such-topic");

        assertThatThrownBy(() -> checker.checkMultiset(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-topic does not exist");
    }

    private static String topic(int partitions) {
        String topic = "checked-" + TOPICS.incrementAndGet();
        kafka.createTopic(topic, partitions);
        return topic;
    }

    private static ExactlyOnceChecker<String, String> checker(String topic) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer());
    }

    private static void produce(String topic, List<Map.Entry<String, String>> records) {
        // The idempotent producer keeps the order within a partition, so on a one-partition
        // topic each record's offset is its place in the list.
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, List<String> values) {
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(topic, "k", value)));
    }
}
