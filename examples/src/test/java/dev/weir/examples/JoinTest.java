package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.weir.config.WeirConfig;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessJoinFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Joins on the real broker: an interval join of two event-time streams, and a stream joined with a compacted table. */
class JoinTest {

    private static final int ORDERS = 200;
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    /**
     * Orders and payments keyed by order id; a payment matches an order when it comes 0 to 10 s
     * after it. Order {@code i} is at {@code base + 100 i}; its payment {@code (i % 5) * 3} s after
     * it (so {@code i % 5 == 4} is too late to match), every seventh a second before it (no match),
     * every tenth a second payment 1 s after it, and every fourth order has no payment.
     */
    @Test
    void anIntervalJoinEmitsExactlyThePairsWithinTheBoundsAndSendsLateElementsToTheLateDataTopic(@TempDir Path stateDir) {
        kafka.createTopic("ij-orders", 3);
        kafka.createTopic("ij-payments", 3);
        kafka.createTopic("ij-out", 3);
        long base = (System.currentTimeMillis() / 1_000) * 1_000 - 600_000;
        List<Map.Entry<String, String>> expected = new ArrayList<>();
        List<Map.Entry<String, Long>> payments = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < ORDERS; i++) {
                String order = "o" + i;
                long orderTime = base + 100L * i;
                producer.send(new ProducerRecord<>("ij-orders", order, Long.toString(orderTime)));
                if (i % 4 == 3) {
                    continue;
                }
                long delay = i % 7 == 0 ? -1_000 : (i % 5) * 3_000L;
                payments.add(Map.entry(order, orderTime + delay));
                if (delay >= 0 && delay <= 10_000) {
                    expected.add(Map.entry(order, orderTime + "+" + delay));
                }
                if (i % 10 == 0) {
                    payments.add(Map.entry(order, orderTime + 1_000));
                    expected.add(Map.entry(order, orderTime + "+" + 1_000));
                }
            }
            // Each stream in event-time order: within the sources' out-of-orderness, nothing is late.
            payments.sort(Map.Entry.comparingByValue());
            payments.forEach(p -> producer.send(new ProducerRecord<>("ij-payments", p.getKey(), Long.toString(p.getValue()))));
        }
        WeirConfig config = WeirConfig.custom().applicationId("ij").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(intervalJoin(), config)) {
            runtime.start();
            checker("ij-out").awaitCommittedRecords(expected.size(), AWAIT);
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>("ij-payments", "o5", Long.toString(base - 60_000)));
            }
            checker("ij-late").awaitCommittedRecords(1, AWAIT);
        }
        CheckReport<String, String> report = checker("ij-out").checkMultiset(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        CheckReport<String, String> late = checker("ij-late").checkMultiset(List.of(Map.entry("o5", Long.toString(base - 60_000))));
        assertThat(late.isExactlyOnce()).as(late.toString()).isTrue();
    }

    @Test
    void aStreamJoinsTheCurrentValueOfItsKeyInACompactedTableAndSeesUpdatesAndDeletions(@TempDir Path stateDir)
            throws Exception {
        kafka.createTopic("tj-accounts", 3, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        kafka.createTopic("tj-payments", 3);
        kafka.createTopic("tj-out", 3);
        WeirConfig config = WeirConfig.custom().applicationId("tj").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(tableJoin(), config); KafkaProducer<String, String> producer = producer()) {
            runtime.start();
            for (int a = 0; a < 20; a++) {
                producer.send(new ProducerRecord<>("tj-accounts", "a" + a, a % 2 == 0 ? "gold" : "basic"));
            }
            producer.flush();
            awaitTable(runtime, "a19", Optional.of("basic"));
            for (int a = 0; a < 20; a++) {
                producer.send(new ProducerRecord<>("tj-payments", "a" + a, "p1"));
            }
            producer.flush();
            checker("tj-out").awaitCommittedRecords(20, AWAIT);

            producer.send(new ProducerRecord<>("tj-accounts", "a0", "platinum"));
            producer.send(new ProducerRecord<>("tj-accounts", "a1", null));
            producer.flush();
            awaitTable(runtime, "a0", Optional.of("platinum"));
            awaitTable(runtime, "a1", Optional.empty());
            producer.send(new ProducerRecord<>("tj-payments", "a0", "p2"));
            producer.send(new ProducerRecord<>("tj-payments", "a1", "p2"));
            producer.send(new ProducerRecord<>("tj-payments", "a2", "p2"));
            producer.flush();
            checker("tj-out").awaitCommittedRecords(22, AWAIT);
        }
        List<Map.Entry<String, String>> expected = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            expected.add(Map.entry("a" + a, "p1:" + (a % 2 == 0 ? "gold" : "basic")));
        }
        expected.add(Map.entry("a0", "p2:platinum"));
        expected.add(Map.entry("a2", "p2:gold"));
        CheckReport<String, String> report = checker("tj-out").checkMultiset(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static void awaitTable(WeirRuntime runtime, String account, Optional<Object> value) {
        await().atMost(AWAIT).ignoreExceptions().until(() -> runtime.queryState("tier", "table", account).get(10, TimeUnit.SECONDS)
                .equals(value));
    }

    private static Pipeline intervalJoin() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<KeyValue<String, String>, String> orders = eventTimeStream(builder, "ij-orders");
        KeyedStream<KeyValue<String, String>, String> payments = eventTimeStream(builder, "ij-payments");
        orders.intervalJoin(payments)
                .between(Duration.ZERO, Duration.ofSeconds(10))
                .process(new PaymentDelay(), keyValueSerde(), keyValueSerde())
                .uid("order-payments")
                .sinkTo(KafkaSink.keyValues("ij-out", new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static KeyedStream<KeyValue<String, String>, String> eventTimeStream(PipelineBuilder builder, String topic) {
        return builder.source(KafkaSource.keyValues(topic, new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.<KeyValue<String, String>>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                                .withTimestampAssigner((kv, recordTimestamp) -> Long.parseLong(kv.value())))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String());
    }

    private static Pipeline tableJoin() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<KeyValue<String, String>, String> accounts = builder
                .source(KafkaSource.keyValues("tj-accounts", new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String());
        builder.source(KafkaSource.keyValues("tj-payments", new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .joinTable(accounts, Serdes.String(), (payment, tier) -> KeyValue.of(payment.key(), payment.value() + ":" + tier))
                .uid("tier")
                .sinkTo(KafkaSink.keyValues("tj-out", new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static ExactlyOnceChecker<String, String> checker(String topic) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer());
    }

    private static Serde<KeyValue<String, String>> keyValueSerde() {
        return Serdes.serdeFrom(
                (topic, kv) -> (kv.key() + "\u0000" + kv.value()).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> {
                    String joined = new String(bytes, StandardCharsets.UTF_8);
                    int nul = joined.indexOf('\u0000');
                    return KeyValue.of(joined.substring(0, nul), joined.substring(nul + 1));
                });
    }

    /** Emits {@code order → <order time>+<payment delay>}. */
    private static final class PaymentDelay
            extends ProcessJoinFunction<KeyValue<String, String>, KeyValue<String, String>, KeyValue<String, String>> {

        @Override
        public void processElement(KeyValue<String, String> order, KeyValue<String, String> payment, Context context,
                                    Collector<KeyValue<String, String>> out) {
            out.collect(KeyValue.of(order.key(), context.leftTimestamp() + "+"
                    + (context.rightTimestamp() - context.leftTimestamp())));
        }
    }
}
