package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.weir.test.CheckReport;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-input operators under failure: a two-input keyed join and a union over two
 * co-partitioned topics, with an instance SIGKILLed mid-stream. Each order is matched with its
 * payment exactly once, and each order id's event count runs 1, 2 over both topics.
 */
class MultiInputExactlyOnceTest {

    private static final int ORDERS = 150_000;

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void joinAndUnionOfCoPartitionedTopicsStayExactlyOnceAcrossASigkill(@TempDir Path dir) throws Exception {
        for (String topic : List.of("orders", "orders-payments", "matches", "matches-events")) {
            kafka.createTopic(topic, 6);
        }
        KeyedInput orders = new KeyedInput(kafka.bootstrapServers(), "orders", MultiInputExactlyOnceTest::orderId, i -> "order-" + i);
        KeyedInput payments = new KeyedInput(kafka.bootstrapServers(), "orders-payments",
                i -> orderId(ORDERS - 1 - i), i -> "payment-" + (ORDERS - 1 - i));
        try (PipelineInstances instances = new PipelineInstances("order-payment-match", kafka.bootstrapServers(), dir,
                "orders", "matches")) {
            ChildJvm first = instances.start("a");
            instances.start("b");
            CompletableFuture<Void> orderProduction = orders.produceInBackground(0, ORDERS);
            CompletableFuture<Void> paymentProduction = payments.produceInBackground(0, ORDERS);
            events().awaitCommittedRecords(ORDERS / 2, Duration.ofMinutes(3));
            first.kill();
            instances.start("a");
            orderProduction.get(3, TimeUnit.MINUTES);
            paymentProduction.get(3, TimeUnit.MINUTES);
            events().awaitCommittedRecords(2L * ORDERS, Duration.ofMinutes(3));
            matches().awaitCommittedRecords(ORDERS, Duration.ofMinutes(3));
        }

        List<Map.Entry<String, String>> expectedMatches = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            expectedMatches.add(Map.entry(orderId(i), "order-" + i + "/payment-" + i));
        }
        CheckReport<String, String> matchReport = matches().checkMultiset(expectedMatches);
        assertThat(matchReport.isExactlyOnce()).as(matchReport.toString()).isTrue();

        CheckReport<String, Long> eventReport = events().checkPerKeySequences(
                KeyedInput.runningCounts(2 * ORDERS, i -> orderId(i % ORDERS)));
        assertThat(eventReport.isExactlyOnce()).as(eventReport.toString()).isTrue();
    }

    private static String orderId(int i) {
        return "order-id-" + i;
    }

    private static ExactlyOnceChecker<String, String> matches() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "matches", new StringDeserializer(), new StringDeserializer());
    }

    private static ExactlyOnceChecker<String, Long> events() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "matches-events", new StringDeserializer(),
                new LongDeserializer());
    }
}
